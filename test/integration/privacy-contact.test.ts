// The privacy notice names who to contact about personal data (unit, address, phone, email), from
// the settings, with the demo's defaults until the Office sets its own.
import * as privacyRoute from "~/routes/privacy._index";
import * as settingsRoute from "~/routes/staff.settings";
import { db } from "~/kernel/db/db.server";
import { signIn, staffRequest } from "../support/staff";

const call = async (fn: Function, request: Request) => {
  try {
    return (await fn({ request, params: {}, context: {} })) as Response;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
};

const notice = async (lang: "vi" | "en") => {
  const res = await call(
    privacyRoute.loader,
    new Request("http://localhost/privacy", { headers: { Cookie: `lng=${lang}`, "Accept-Language": lang } }),
  );
  return ((await res.json()) as { contact: Record<string, string> }).contact;
};

const DEMO = {
  unit: "Văn phòng Sở Khoa học và Công nghệ tỉnh Tiền Giang",
  address: "Số 8 đường 30/4, phường 1, thành phố Mỹ Tho, tỉnh Tiền Giang",
  phone: "0273 3 800 000",
  email: "vanphong@demo.hailong.vn",
};

describe("the privacy notice's contact", () => {
  it("shows the demo's contact in both languages, then what the admin saved; refuses a bad value", async () => {
    expect(await notice("vi")).toEqual(DEMO);
    expect(await notice("en")).toEqual(DEMO);

    const admin = await signIn("admin");
    const values = async () =>
      (
        (await (await call(settingsRoute.loader, staffRequest("/staff/settings", admin.cookie))).json()) as {
          values: Record<string, string>;
        }
      ).values;
    const save = async (changes: Record<string, string>) =>
      call(
        settingsRoute.action,
        staffRequest("/staff/settings", admin.cookie, { form: { ...(await values()), ...changes } }),
      );

    expect((await values()).privacy__contact_unit).toBe(DEMO.unit);
    const empty = await save({ privacy__contact_unit: "  " });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { errors: Record<string, string> }).errors).toEqual({
      privacy__contact_unit: "staff.settings.errors.required",
    });
    const long = await save({ privacy__contact_email: "a".repeat(121) });
    expect(long.status).toBe(400);
    expect(await db().selectFrom("setting").select("key").where("key", "like", "privacy.contact%").execute()).toEqual(
      [],
    );

    const ok = await save({
      privacy__contact_unit: "Phòng Thử\nnghiệm",
      privacy__contact_phone: "",
      privacy__contact_email: "thu@example.gov.vn",
    });
    expect(ok.status).toBe(302);
    const saved = { ...DEMO, unit: "Phòng Thử nghiệm", phone: "", email: "thu@example.gov.vn" };
    expect(await notice("vi")).toEqual(saved);
    expect(await notice("en")).toEqual(saved);
  });
});

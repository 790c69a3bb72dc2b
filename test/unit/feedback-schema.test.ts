import { parseForm } from "~/kernel/forms/parse";
import { checkAttachments, cleanFilename, feedbackFormSchema } from "~/features/feedback/feedback.schema";
import { staffActionSchema } from "~/features/feedback/feedback-staff.schema";

const good = {
  submissionId: "7b7f7a1e-3d2c-4b8a-9f1e-2a6c1d0e5f43",
  kind: "phan_anh",
  name: "Nguyễn Văn Mẫu",
  address: "Số 1 đường Thử Nghiệm, Mỹ Tho",
  phone: "0900 000 001",
  email: "",
  organisation: "",
  procedureId: "",
  dossierCode: "",
  title: "",
  content: "Hồ sơ của tôi bị trả chậm hơn giấy hẹn bảy ngày.",
  consent: "yes",
};

describe("the public feedback form", () => {
  it("accepts a complete form and turns blanks into nothing", () => {
    const r = feedbackFormSchema.safeParse(good);
    expect(r.success).toBe(true);
    if (r.success)
      expect(r.data).toMatchObject({ email: undefined, procedureId: undefined, title: undefined, kind: "phan_anh" });
  });

  it("requires name, address, phone, content and consent, with translation keys", () => {
    const r = parseForm(
      feedbackFormSchema,
      {
        ...good,
        name: " ",
        address: "",
        phone: "12",
        content: "ngắn",
        consent: "",
        kind: "khieu_nai",
        email: "not-an-email",
      },
      "feedback.errors.invalid",
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual({
        name: "feedback.errors.nameRequired",
        address: "feedback.errors.addressRequired",
        phone: "feedback.errors.phoneInvalid",
        content: "feedback.errors.contentTooShort",
        consent: "feedback.errors.consentRequired",
        kind: "feedback.errors.kindRequired",
        email: "feedback.errors.emailInvalid",
      });
  });

  it("refuses a missing submission id (an old or forged form)", () => {
    const r = feedbackFormSchema.safeParse({ ...good, submissionId: "abc" });
    expect(r.success).toBe(false);
  });
});

describe("attachments", () => {
  it("decides by content: a renamed executable is refused, a real PDF passes", () => {
    const mz = new Uint8Array(Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"));
    expect(checkAttachments([{ filename: "hoa-don.pdf", bytes: mz }])).toEqual({
      ok: false,
      filename: "hoa-don.pdf",
      reason: "feedback.errors.file_unsupported",
    });
    const pdf = new Uint8Array(Buffer.from("%PDF-1.7\n%…", "latin1"));
    expect(checkAttachments([{ filename: "hoa-don.pdf", bytes: pdf }])).toMatchObject({
      ok: true,
      files: [{ kind: "pdf", mime: "application/pdf" }],
    });
    expect(checkAttachments([{ filename: "anh.png", bytes: pdf }])).toMatchObject({
      ok: false,
      reason: "feedback.errors.file_mismatch",
    });
  });

  it("keeps only a safe base name", () => {
    expect(cleanFilename("C:\\Users\\a\\hoá đơn.pdf")).toBe("hoá đơn.pdf");
    expect(cleanFilename("../../etc/passwd")).toBe("passwd");
    expect(cleanFilename('a"b<c>.pdf')).toBe("a_b_c_.pdf");
  });
});

describe("staff actions", () => {
  it("need a dispatch number and agency to transfer, a reason to refuse", () => {
    const t = parseForm(
      staffActionSchema,
      { intent: "classify", feedbackClass: "transferred", agency: "", dispatch: "" },
      "feedback.errors.invalid",
    );
    expect(t.ok).toBe(false);
    if (!t.ok)
      expect(t.errors).toEqual({
        agency: "feedback.errors.agencyRequired",
        dispatch: "feedback.errors.dispatchRequired",
      });
    expect(staffActionSchema.safeParse({ intent: "classify", feedbackClass: "competent" }).success).toBe(true);
    expect(staffActionSchema.safeParse({ intent: "refuse", reason: "" }).success).toBe(false);
    expect(staffActionSchema.safeParse({ intent: "delete" }).success).toBe(false);
  });
});

import { fromAddress, sendMail } from "~/kernel/mail.server";

describe("sendMail", () => {
  it("answers false when SMTP is not configured, so callers fall back to the call list", async () => {
    expect(process.env.SMTP_URL).toBeUndefined();
    await expect(sendMail({ to: "someone@example.com", subject: "x", text: "y" })).resolves.toBe(false);
  });

  it("takes the sender address from ?from= on SMTP_URL, else no-reply at the public host", () => {
    expect(fromAddress("smtp://mail.example:25?from=hailong%40sokhcn.gov.vn", undefined)).toBe("hailong@sokhcn.gov.vn");
    expect(fromAddress("smtps://u:p@mail.example", "https://hailong.tiengiang.gov.vn")).toBe(
      "Hài Lòng <no-reply@hailong.tiengiang.gov.vn>",
    );
    expect(fromAddress("smtp://mail.example", undefined)).toBe("Hài Lòng <no-reply@localhost>");
  });
});

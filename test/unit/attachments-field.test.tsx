// The feedback file field as a screen reader meets it, on the form and on the status page (one
// component since the status page's copy lacked aria-invalid and did not read its error).
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { AttachmentsField } from "~/features/feedback/components/attachments-field";
import { createI18n } from "~/kernel/http/i18n.server";

const render = (node: JSX.Element) =>
  // React marks where two texts meet with an empty comment: gone, the HTML reads as a browser shows it.
  renderToString(<I18nextProvider i18n={createI18n("vi")}>{node}</I18nextProvider>).replaceAll("<!-- -->", "");
const input = (html: string) => html.match(/<input[^>]*>/)![0];

describe("attachments field", () => {
  it("without an error: described by its hint only, not marked invalid", () => {
    const html = render(<AttachmentsField />);
    expect(input(html)).toContain('aria-describedby="fb-attachments-hint"');
    expect(input(html)).not.toContain("aria-invalid");
    expect(html).not.toContain("fb-attachments-error");
  });

  it("with an error: marked invalid, and the error is read with the hint", () => {
    const html = render(<AttachmentsField error="feedback.errors.filesTooMany" />);
    expect(input(html)).toContain('aria-invalid="true"');
    expect(input(html)).toContain('aria-describedby="fb-attachments-hint fb-attachments-error"');
    expect(html).toMatch(
      /<span class="field__error" id="fb-attachments-error">Chỉ được đính kèm tối đa 10 tệp\.<\/span>/,
    );
    expect(html).toContain("field--error");
  });

  it("the form's note after a refused post follows the hint", () => {
    const html = render(<AttachmentsField hintExtra="Chọn lại tệp." />);
    expect(html).toMatch(/id="fb-attachments-hint">[^<]*Chọn lại tệp\.<\/span>/);
  });
});

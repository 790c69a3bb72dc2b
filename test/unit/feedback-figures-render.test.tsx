// The dashboard's and report's feedback block shows the QĐ 766 terms beside the rate, so a reader
// can redo the arithmetic (docs/rules/feedback-figures.md); the dashboard's holiday warning.
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { FeedbackFiguresTable } from "~/features/reports/components/other-figures";
import { HolidayWarningNotice } from "~/features/admin/components/holiday-warning";
import { handlingSatisfaction } from "~/features/feedback/feedback-figures";
import type { FeedbackFigures } from "~/features/feedback/feedback-figures.server";
import { createI18n } from "~/kernel/http/i18n.server";

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");

function figures(counts: { total: number; unsatisfied: number; late: number; repeated: number }): FeedbackFigures {
  return {
    from: "2026-09-15",
    to: "2026-12-14",
    received: counts.total,
    byKind: { phan_anh: counts.total, kien_nghi: 0 },
    byClass: { competent: counts.total, conduct: 0, transferred: 0, refused: 0, unclassified: 0 },
    handled: counts.total - 1,
    handledOnTime: counts.total - 1,
    handledLate: 0,
    pending: 1,
    overdue: 0,
    rated: counts.total,
    ratedSatisfied: counts.total - 1,
    satisfaction: handlingSatisfaction(counts),
  };
}

describe("the feedback block", () => {
  it("shows each term and the arithmetic: 10 cases, one rated unsatisfied → (10 − 1 − 0 − 0) ÷ 10 = 9 ÷ 10 = 90 %", () => {
    const f = figures({ total: 10, unsatisfied: 1, late: 0, repeated: 0 });
    const vi = text(
      renderToString(
        <I18nextProvider i18n={createI18n("vi")}>
          <FeedbackFiguresTable f={f} lang="vi" title="Phản ánh" />
        </I18nextProvider>,
      ),
    );
    expect(vi).toContain("Người gửi đánh giá không hài lòng với câu trả lời 1");
    expect(vi).toContain("Xử lý trễ hạn (kể cả đang quá hạn) 0");
    expect(vi).toContain("Gửi lại do không hài lòng (hồ sơ mới được đánh dấu lặp lại) 0");
    expect(vi).toMatch(/\(10 − 1 − 0 − 0\) ÷ 10 = 9 ÷ 10 = 90/);
    const en = text(
      renderToString(
        <I18nextProvider i18n={createI18n("en")}>
          <FeedbackFiguresTable f={f} lang="en" title="Feedback" />
        </I18nextProvider>,
      ),
    );
    expect(en).toMatch(/\(10 − 1 − 0 − 0\) ÷ 10 = 9 ÷ 10 = 90/);
    expect(en).toContain("Sender rated the answer unsatisfactory 1");
  });

  it("says when the terms add up to more than the total and the numerator is taken as 0", () => {
    const f = figures({ total: 2, unsatisfied: 2, late: 2, repeated: 0 });
    const en = text(
      renderToString(
        <I18nextProvider i18n={createI18n("en")}>
          <FeedbackFiguresTable f={f} lang="en" title="Feedback" />
        </I18nextProvider>,
      ),
    );
    expect(en).toMatch(/\(2 − 2 − 2 − 0\) ÷ 2 = 0 ÷ 2 = 0/);
    expect(en).toContain("numerator is taken as 0");
  });
});

describe("the holiday warning", () => {
  it("names the missing year and the unconfirmed days in both languages", () => {
    const w = { from: "2028-11-15", to: "2029-01-14", missingYears: ["2029"], unconfirmed: ["2028-12-01"] };
    const vi = text(
      renderToString(
        <I18nextProvider i18n={createI18n("vi")}>
          <HolidayWarningNotice w={w} lang="vi" canEdit={false} />
        </I18nextProvider>,
      ),
    );
    expect(vi).toContain("chưa có ngày nào của năm 2029");
    expect(vi).toContain("14/01/2029");
    expect(vi).toContain("01/12/2028");
    const en = text(
      renderToString(
        <I18nextProvider i18n={createI18n("en")}>
          <HolidayWarningNotice w={w} lang="en" canEdit={false} />
        </I18nextProvider>,
      ),
    );
    expect(en).toContain("no day for 2029");
    expect(en).toContain("Ask the administrator");
  });
});

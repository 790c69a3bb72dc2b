// Feedback handling (QĐ 766) and this year's dialogue, for the dashboard and the reports.
import { useTranslation } from "react-i18next";
import { TableWrap } from "~/kernel/forms/fields";
import type { Lang } from "~/kernel/i18n/i18n";
import { formatInterval, formatNumber, formatPercent } from "~/features/reports/percent";
import { wilson } from "~/features/reports/stats";
import type { DialogueFigures } from "~/features/dialogue/dialogue-figures.server";
import type { FeedbackFigures } from "~/features/feedback/feedback-figures.server";

export function FeedbackFiguresTable({ f, lang, title }: { f: FeedbackFigures; lang: Lang; title: string }) {
  const { t } = useTranslation();
  const s = f.satisfaction;
  const pct = s.rate === null ? "—" : formatPercent(s.rate, lang);
  const rows: [string, string][] = [
    [t("figures.feedback.received"), formatNumber(f.received, lang)],
    [
      t("figures.feedback.byKind"),
      t("figures.feedback.kinds", { phan_anh: f.byKind.phan_anh, kien_nghi: f.byKind.kien_nghi }),
    ],
    [t("figures.feedback.byClass"), t("figures.feedback.classes", f.byClass)],
    [
      t("figures.feedback.handled"),
      t("figures.feedback.handledSplit", { handled: f.handled, onTime: f.handledOnTime, late: f.handledLate }),
    ],
    [t("figures.feedback.pending"), t("figures.feedback.pendingSplit", { pending: f.pending, overdue: f.overdue })],
    [t("figures.feedback.rated"), t("figures.feedback.ratedSplit", { rated: f.rated, satisfied: f.ratedSatisfied })],
    // The QĐ 766 rate's terms, each beside the rate, so a reader can redo the arithmetic.
    [t("figures.feedback.termTotal"), formatNumber(s.total, lang)],
    [t("figures.feedback.termUnsatisfied"), formatNumber(s.unsatisfied, lang)],
    [t("figures.feedback.termLate"), formatNumber(s.late, lang)],
    [t("figures.feedback.termRepeated"), formatNumber(s.repeated, lang)],
    [
      t("figures.feedback.satisfaction"),
      s.rate === null
        ? "—"
        : `${pct} (n = ${s.n}; ${t("dashboard.col.interval")}: ${formatInterval(wilson(s.good, s.n), lang)})`,
    ],
  ];
  return (
    <section className="dash-section" aria-labelledby="fb-figures-title">
      <h2 id="fb-figures-title">{title}</h2>
      <TableWrap label={title}>
        <table>
          <tbody>
            {rows.map(([k, v]) => (
              <tr key={k}>
                <th scope="row">{k}</th>
                <td className="num">{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <p className="muted">
        {t("figures.feedback.formula", {
          unsatisfied: s.unsatisfied,
          late: s.late,
          repeated: s.repeated,
          total: s.total,
          good: s.good,
          rate: pct,
        })}
        {s.floored ? ` ${t("figures.feedback.floored")}` : ""} {t("figures.feedback.sources")}
      </p>
    </section>
  );
}

export function DialogueFiguresTable({ d, lang, title }: { d: DialogueFigures; lang: Lang; title: string }) {
  const { t } = useTranslation();
  const q = d.questions;
  const rows: [string, string][] = [
    [t("figures.dialogue.held", { year: d.year }), d.held ? t("figures.dialogue.yes") : t("figures.dialogue.no")],
    [t("figures.dialogue.sessions"), formatNumber(d.sessions, lang)],
    [t("figures.dialogue.attendance"), t("figures.dialogue.attendanceSplit", d.attendance)],
    [
      t("figures.dialogue.answered"),
      q.answeredShare === null ? "—" : `${formatPercent(q.answeredShare, lang)} (${q.answered}/${q.total})`,
    ],
    [t("figures.dialogue.followUps"), t("figures.dialogue.followUpsSplit", d.followUps)],
  ];
  return (
    <section className="dash-section" aria-labelledby="dl-figures-title">
      <h2 id="dl-figures-title">{title}</h2>
      <TableWrap label={title}>
        <table>
          <tbody>
            {rows.map(([k, v]) => (
              <tr key={k}>
                <th scope="row">{k}</th>
                <td className="num">{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

// The league tables as a reader gets them, in Vietnamese and English: a caption, column and row
// headers with their scope, the places as the rule gives them ("1–2", "=1", not ranked), and a
// hidden figure that shows no number at all (docs/rules/league.md, docs/rules/suppression.md).
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { GradeLeagueTable, RateLeagueTable } from "~/features/province/components/league-tables";
import { gradeLeague, rateLeague } from "~/features/province/league";
import { createI18n } from "~/kernel/http/i18n.server";

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/\u00a0/g, " ")
    .replace(/\s+/g, " ");

// Intervals by hand in test/unit/league.test.ts: X 95/100, Y 85/100, Z 70/100 → 1–2, 1–3, 2–3.
const rows = rateLeague(
  [
    { agencyId: 1, name: "Sở X", numerator: 95, n: 100, target: 0.9 },
    { agencyId: 2, name: "Sở Y", numerator: 85, n: 100, target: 0.9 },
    { agencyId: 3, name: "Sở Z", numerator: 70, n: 100, target: 0.8 },
    { agencyId: 4, name: "Sở W", numerator: 3, n: 3, target: 0.9 },
  ],
  5,
);

function render(lang: "vi" | "en", node: JSX.Element) {
  return renderToString(<I18nextProvider i18n={createI18n(lang)}>{node}</I18nextProvider>);
}

describe("league tables", () => {
  it("Vietnamese: caption, scoped headers, places, interval, verdict; W hidden without numbers", () => {
    const html = render(
      "vi",
      <RateLeagueTable caption="Chỉ số hài lòng" rows={rows} threshold={5} lang="vi" withTarget />,
    );
    expect(html).toContain("<caption>Chỉ số hài lòng</caption>");
    expect(html.match(/<th scope="col"/g)!.length).toBe(7);
    expect(html.match(/<th scope="row"/g)!.length).toBe(4);
    const t = text(html);
    expect(t).toContain("Sở X 1–2 95,0 % 100 88,8 % – 97,8 % 90 % Chưa đủ cơ sở kết luận");
    expect(t).toContain("Sở Z 2–3 70,0 % 100 60,4 % – 78,1 % 80 % Không đạt");
    expect(t).toContain("Sở W Không xếp hạng Ẩn (dưới 5 ý kiến)");
    // The hidden row carries no figure of W's: its cells are the words only.
    const w = html.slice(html.indexOf("Sở W"));
    expect(w.slice(0, w.indexOf("</tr>"))).not.toMatch(/\d+ %|>3</);
  });

  it("English: ties as '=1', feedback counts, grades by band", () => {
    const feedback = rateLeague(
      [
        { agencyId: 1, name: "X", numerator: 20, n: 20, target: null },
        { agencyId: 2, name: "Y", numerator: 18, n: 20, target: null },
      ],
      1,
    );
    const t = text(
      render("en", <RateLeagueTable caption="Feedback" rows={feedback} threshold={5} lang="en" withTarget={false} />),
    );
    expect(t).toContain("X =1 20/20 100.0% 20 83.9% – 100.0%");
    expect(t).toContain("Y =1 18/20 90.0% 20 69.9% – 97.2%");
    const grades = gradeLeague([
      { agencyId: 1, name: "X", total: 15.5, grade: "excellent", missing: [] },
      { agencyId: 2, name: "Y", total: 6, grade: null, missing: [2, 5] },
    ]);
    const g = text(render("en", <GradeLeagueTable caption="TT 01" rows={grades} lang="en" />));
    expect(g).toContain("X 1 Excellent 15.5");
    expect(g).toContain("Y Not ranked — 6.0 Indicators 2, 5 missing");
  });
});

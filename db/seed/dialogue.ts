// Demo data for the dialogue: last year's dialogue held, with published minutes and follow-ups
// (one still open), and this year's announced with registration open, about twenty sign-ups and
// questions in every moderation state. Names, phones and emails are fictitious. Dates are
// relative to today in Viet Nam time, so the demo always looks current.
import type { DB } from "../client";
import { vnDay, vnYear } from "../../app/kernel/time/clock";
import { seedLastYear } from "./dialogue-last-year";
import { DAY, questions, register, session, TOPICS, TOPICS_EN, vnAt, type SessionBase } from "./dialogue-rows";

export async function seedDialogue(trx: DB) {
  const unitRows = await trx.selectFrom("unit").select(["id", "code"]).execute();
  const units = new Map(unitRows.map((u) => [u.code, u.id]));
  const office = await trx
    .selectFrom("staff_user")
    .select("id")
    .where("email", "=", "vanphong@demo.hailong.vn")
    .executeTakeFirst();
  const staffId = office?.id ?? null;
  const procs = await trx
    .selectFrom("procedure")
    .select(["id", "code"])
    .where("code", "in", ["KHCN-08", "KHCN-09", "KHCN-14", "KHCN-05"])
    .execute();
  const base: SessionBase = {
    chair: "Ông Nguyễn Văn Bình, Giám đốc Sở",
    secretary: "Bà Lê Thị Thu, Chánh Văn phòng Sở",
    venue: "Hội trường Sở Khoa học và Công nghệ, số 8 đường 30/4, phường 1, Mỹ Tho",
    invited_groups:
      "Người dân, doanh nghiệp, hợp tác xã; cơ sở y tế có thiết bị X-quang; đại diện các phòng, đơn vị thuộc Sở",
    invited_groups_en:
      "Citizens, businesses and cooperatives; health facilities with X-ray equipment; representatives of the Department's offices and units",
    topics: JSON.stringify(TOPICS),
    topics_en: JSON.stringify(TOPICS_EN),
    created_by: staffId,
  };

  await seedLastYear(trx, base, units, staffId);

  // This year's dialogue: announced, registration open.
  const start = vnAt(21, 8, 30);
  const year = vnYear(start);
  const thisId = await session(trx, {
    ...base,
    plan_number: "125/KH-SKHCN",
    title_vi: `Đối thoại với người dân và doanh nghiệp về thủ tục hành chính năm ${year}`,
    title_en: `Dialogue with citizens and businesses on administrative procedures, ${year}`,
    description_vi:
      "Chương trình: khai mạc; báo cáo kết quả cải cách hành chính của Sở; người dân, doanh nghiệp nêu ý kiến; lãnh đạo Sở trả lời; kết luận.",
    description_en:
      "Agenda: opening; report on the Department's administrative reform; questions from citizens and businesses; answers from the Department's leaders; conclusion.",
    starts_at: start,
    ends_at: new Date(start.getTime() + 3 * 3600_000),
    online_url: "https://hop.example.gov.vn/doi-thoai-skhcn",
    capacity: 60,
    registration_opens_at: vnAt(-3, 8),
    registration_closes_at: new Date(start.getTime() - DAY),
    publish_at: vnAt(-3, 8),
    published_at: vnAt(-3, 8),
    status: "published",
  });
  if (procs.length)
    await trx
      .insertInto("dialogue_session_procedure")
      .values(procs.map((p) => ({ session_id: thisId, procedure_id: p.id })))
      .execute();
  const regs: number[] = [];
  // The first one has a known full code for trying the look-up page: DEMA26-SKHCN-TGDEM with
  // phone 0900200000 (a public demo key; every other key is drawn by the database).
  for (let i = 0; i < 20; i++)
    regs.push(
      await register(trx, thisId, i, {
        code: i === 0 ? "DEMA26" : undefined,
        accessKey: i === 0 ? "SKHCNTGDEM" : undefined,
        staffId,
        phoneBlock: 2,
      }),
    );
  const due = vnDay(new Date(start.getTime() + 15 * DAY));
  await questions(
    trx,
    thisId,
    units,
    [
      {
        reg: regs[1],
        text: "Khi nào thủ tục đăng ký kiểm tra chất lượng hàng nhập khẩu được làm trực tuyến toàn trình?",
        topic: TOPICS[0],
        status: "approved",
        unit: "CCTDC",
        due,
        votes: [regs[0], regs[2], regs[5], regs[7]],
      },
      {
        reg: regs[6],
        text: "Cơ sở y tế nhỏ có được hỗ trợ chi phí kiểm định thiết bị X-quang không?",
        topic: TOPICS[1],
        status: "approved",
        unit: "QLCN",
        due,
        votes: [regs[3], regs[11]],
      },
      {
        reg: regs[8],
        text: "Đề nghị Sở công khai thời gian giải quyết thực tế của từng thủ tục trên cổng thông tin.",
        topic: TOPICS[3],
        status: "approved",
        votes: [regs[4]],
      },
      {
        reg: regs[10],
        text: "Tôi gọi số 0913 456 789 của bộ phận một cửa nhiều lần không ai nghe, xin kiểm tra lại.",
        topic: TOPICS[3],
        status: "pending",
      },
      {
        reg: regs[13],
        text: "Thủ tục chuyển giao công nghệ cho doanh nghiệp nhỏ có cần thẩm định giá không?",
        topic: TOPICS[2],
        status: "pending",
      },
      {
        reg: regs[15],
        text: "Câu hỏi về tranh chấp đất đai ở xã tôi.",
        topic: TOPICS[3],
        status: "hidden",
        hidden: "off_topic",
      },
    ],
    staffId,
  );
}

// Demo data for the dialogue: last year's dialogue held, with published minutes and follow-ups
// (one still open), and this year's announced with registration open, about twenty sign-ups and
// questions in every moderation state. Names, phones and emails are fictitious. Dates are
// relative to today in Viet Nam time, so the demo always looks current.
import crypto from "node:crypto";
import type { DB } from "../client";
import type { NewDialogueSession } from "../types";
import { foldName, newRegistrationCode } from "../../app/features/dialogue/dialogue-code";
import { addDays, vnDay, vnInstant, vnYear } from "../../app/kernel/time/clock";
import { maskPii } from "../../app/kernel/mask-pii";
import { buildPublicMinutes } from "../../app/features/dialogue/dialogue-minutes";
import { recordConsent } from "../../app/features/privacy/consent.server";
import { loadMinutesSource } from "../../app/features/dialogue/dialogue-minutes.server";

const DAY = 86400_000;
/** 08:00 (or the given hour) Viet Nam time, `days` from today. */
function vnAt(days: number, hour: number, minute = 0): Date {
  return vnInstant(addDays(vnDay(), days), `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`);
}

const PEOPLE: [string, "citizen" | "business", string | null][] = [
  ["Nguyễn Văn An", "citizen", null],
  ["Trần Thị Bình", "business", "Công ty TNHH Cơ khí Mỹ Tho"],
  ["Lê Hoàng Cường", "citizen", null],
  ["Phạm Thị Dung", "business", "HTX Sầu riêng Cái Bè"],
  ["Huỳnh Văn Em", "citizen", null],
  ["Võ Thị Phượng", "citizen", null],
  ["Đặng Quốc Gia", "business", "Phòng khám Đa khoa Tân Phước"],
  ["Bùi Thị Hạnh", "citizen", null],
  ["Đỗ Minh Khang", "business", "Công ty CP Thực phẩm Gò Công"],
  ["Hồ Thị Lan", "citizen", null],
  ["Ngô Văn Minh", "citizen", null],
  ["Dương Thị Ngọc", "business", "Công ty TNHH Điện tử Châu Thành"],
  ["Lý Văn Phúc", "citizen", null],
  ["Mai Thị Quyên", "citizen", null],
  ["Trương Văn Sang", "business", "DNTN Cân điện tử Cai Lậy"],
  ["Châu Thị Tâm", "citizen", null],
  ["Tạ Văn Út", "citizen", null],
  ["Kiều Thị Vân", "business", "Công ty TNHH Nha khoa Chợ Gạo"],
  ["La Văn Xuân", "citizen", null],
  ["Quách Thị Yến", "citizen", null],
];

async function session(trx: DB, values: NewDialogueSession) {
  return (await trx.insertInto("dialogue_session").values(values).returning("id").executeTakeFirstOrThrow()).id;
}

async function register(
  trx: DB,
  sessionId: number,
  i: number,
  opts: {
    status?: "confirmed" | "walk_in";
    checkedIn?: Date | null;
    code?: string;
    accessKey?: string;
    staffId?: number | null;
    phoneBlock: number;
  },
) {
  const [name, kind, org] = PEOPLE[i % PEOPLE.length];
  // 0900 1xx xxx for last year, 0900 2xx xxx for this year: fictitious, never a real subscriber's pattern in the demo.
  const phone = `0900${opts.phoneBlock}${String(i).padStart(5, "0")}`;
  const email = i % 4 === 1 ? `nguoidan${i + 1}@example.vn` : null;
  const row = await trx
    .insertInto("dialogue_registration")
    .values({
      session_id: sessionId,
      code: opts.code ?? newRegistrationCode((max) => crypto.randomInt(max)),
      // Otherwise the database draws one (migration 011).
      ...(opts.accessKey ? { access_key: opts.accessKey } : {}),
      name,
      name_search: foldName(name),
      phone: opts.status === "walk_in" ? null : phone,
      phone_norm: opts.status === "walk_in" ? null : phone,
      email,
      email_norm: email,
      kind,
      organisation: org,
      accessibility: i === 5 ? "Đi xe lăn" : null,
      status: opts.status ?? "confirmed",
      waitlist_seq: null,
      channel: opts.status === "walk_in" ? "walk_in" : i % 5 === 3 ? "phone" : "online",
      created_by: opts.status === "walk_in" || i % 5 === 3 ? (opts.staffId ?? null) : null,
      checked_in_at: opts.checkedIn ?? null,
      checked_in_by: opts.checkedIn ? (opts.staffId ?? null) : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordConsent(trx, {
    purpose: "dialogue_registration",
    subjectKind: "dialogue_registration",
    subjectId: row.id,
    lang: "vi",
  });
  return row.id;
}

interface SeedQuestion {
  reg: number | null;
  text: string;
  topic: string;
  status: "approved" | "pending" | "hidden";
  hidden?: string;
  unit?: string;
  due?: string;
  answer?: { text: string; by: string; in: "dialogue" | "after"; conclusion?: string };
  votes?: number[];
}

async function questions(
  trx: DB,
  sessionId: number,
  units: Map<string, number>,
  list: SeedQuestion[],
  staffId: number | null,
) {
  const ids: number[] = [];
  for (const q of list) {
    const row = await trx
      .insertInto("dialogue_question")
      .values({
        session_id: sessionId,
        registration_id: q.reg,
        text: q.text,
        public_text: q.status === "approved" ? maskPii(q.text) : null,
        topic: q.topic,
        channel: "online",
        status: q.status,
        hidden_reason: q.hidden ?? null,
        hidden_note: null,
        moderated_by: q.status === "pending" ? null : staffId,
        moderated_at: q.status === "pending" ? null : new Date(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("dialogue_answer")
      .values({
        question_id: row.id,
        unit_id: q.unit ? (units.get(q.unit) ?? null) : null,
        due_date: q.due ?? null,
        status: q.answer ? "answered" : "pending",
        answered_in: q.answer?.in ?? null,
        answer_text: q.answer?.text ?? null,
        answered_by: q.answer?.by ?? null,
        answered_at: q.answer ? new Date() : null,
        conclusion: q.answer?.conclusion ?? null,
        updated_by: staffId,
      })
      .execute();
    for (const r of q.votes ?? [])
      await trx.insertInto("dialogue_vote").values({ question_id: row.id, registration_id: r }).execute();
    ids.push(row.id);
  }
  return ids;
}

// A one-page PDF saying what it stands for: the demo's "signed scan".
const DEMO_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  "latin1",
);

const TOPICS = [
  "Tiêu chuẩn, đo lường, chất lượng",
  "An toàn bức xạ",
  "Chuyển giao công nghệ",
  "Dịch vụ công trực tuyến",
];
/** The same topics in English, in the same order (English pages show these). */
const TOPICS_EN = [
  "Standards, metrology and quality",
  "Radiation safety",
  "Technology transfer",
  "Online public services",
];

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
  const base = {
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

  // Last year's dialogue: held, minutes published.
  const lastStart = vnAt(-350, 8);
  const lastId = await session(trx, {
    ...base,
    plan_number: `112/KH-SKHCN`,
    title_vi: `Đối thoại với người dân và doanh nghiệp về thủ tục hành chính năm ${vnYear(lastStart)}`,
    title_en: `Dialogue with citizens and businesses on administrative procedures, ${vnYear(lastStart)}`,
    description_vi: "Lãnh đạo Sở trao đổi, giải đáp vướng mắc về thủ tục hành chính thuộc thẩm quyền của Sở.",
    description_en:
      "The Department's leaders answer questions about the administrative procedures the Department handles.",
    starts_at: lastStart,
    ends_at: new Date(lastStart.getTime() + 3.5 * 3600_000),
    online_url: null,
    capacity: 40,
    registration_opens_at: new Date(lastStart.getTime() - 20 * DAY),
    registration_closes_at: new Date(lastStart.getTime() - DAY),
    publish_at: new Date(lastStart.getTime() - 20 * DAY),
    published_at: new Date(lastStart.getTime() - 20 * DAY),
    status: "held",
  });
  const lastRegs: number[] = [];
  for (let i = 0; i < 12; i++)
    lastRegs.push(
      await register(trx, lastId, i, {
        checkedIn: i < 10 ? new Date(lastStart.getTime() - 15 * 60_000 + i * 60_000) : null,
        staffId,
        phoneBlock: 1,
      }),
    );
  for (let i = 12; i < 14; i++)
    lastRegs.push(
      await register(trx, lastId, i, {
        status: "walk_in",
        checkedIn: new Date(lastStart.getTime() + 10 * 60_000),
        staffId,
        phoneBlock: 1,
      }),
    );
  await trx
    .insertInto("dialogue_checkin_attempt")
    .values([
      {
        session_id: lastId,
        registration_id: null,
        method: "code",
        code_entered: "K7M2QO",
        ok: false,
        reason: "bad_code",
        staff_id: staffId,
        at: new Date(lastStart.getTime() - 20 * 60_000),
      },
      ...lastRegs.slice(0, 10).map((r, i) => ({
        session_id: lastId,
        registration_id: r,
        method: "code" as const,
        code_entered: null,
        ok: true,
        reason: null,
        staff_id: staffId,
        at: new Date(lastStart.getTime() - 15 * 60_000 + i * 60_000),
      })),
    ])
    .execute();
  const lastDue = vnDay(new Date(lastStart.getTime() + 30 * DAY));
  const lastQs = await questions(
    trx,
    lastId,
    units,
    [
      {
        reg: lastRegs[1],
        text: "Thời gian giải quyết hồ sơ công bố hợp quy có thể rút ngắn không? Doanh nghiệp chúng tôi chờ gần 10 ngày.",
        topic: TOPICS[0],
        status: "approved",
        unit: "CCTDC",
        due: lastDue,
        answer: {
          text: "Chi cục đã chuyển sang tiếp nhận trực tuyến toàn trình; thời gian giải quyết còn 5 ngày làm việc từ quý sau.",
          by: "Chi cục trưởng Chi cục TĐC",
          in: "dialogue",
          conclusion: "Giao Chi cục công bố lại quy trình rút gọn.",
        },
        votes: [lastRegs[0], lastRegs[2], lastRegs[3]],
      },
      {
        reg: lastRegs[6],
        text: "Gia hạn giấy phép X-quang cần những giấy tờ gì, có phải nộp lại toàn bộ hồ sơ không?",
        topic: TOPICS[1],
        status: "approved",
        unit: "QLCN",
        due: lastDue,
        answer: {
          text: "Chỉ nộp đơn đề nghị gia hạn, báo cáo đánh giá an toàn và kết quả kiểm định thiết bị còn hiệu lực; không nộp lại hồ sơ gốc.",
          by: "Phó Giám đốc Sở",
          in: "dialogue",
        },
        votes: [lastRegs[4]],
      },
      {
        reg: lastRegs[3],
        text: "Hợp tác xã muốn được hỗ trợ đăng ký nhãn hiệu cho sầu riêng thì liên hệ ở đâu?",
        topic: TOPICS[2],
        status: "approved",
        unit: "QLCN",
        due: lastDue,
        answer: {
          text: "Phòng Quản lý Công nghệ và Chuyên ngành hướng dẫn hồ sơ và mức hỗ trợ theo chương trình sở hữu trí tuệ của tỉnh; đã gửi văn bản hướng dẫn cho hợp tác xã.",
          by: "Phòng QLCN&ChN",
          in: "after",
        },
      },
      {
        reg: lastRegs[8],
        text: "Đề nghị có hướng dẫn bằng video cho việc nộp hồ sơ trực tuyến.",
        topic: TOPICS[3],
        status: "approved",
        unit: "TTTT",
        due: lastDue,
        answer: {
          text: "Trung tâm Thông tin sẽ làm video hướng dẫn cho 5 thủ tục được nộp nhiều nhất.",
          by: "Giám đốc Trung tâm Thông tin và Thống kê KH&CN",
          in: "dialogue",
        },
      },
      {
        reg: lastRegs[9],
        text: "Bán hàng online giá rẻ, liên hệ ngay!",
        topic: TOPICS[3],
        status: "hidden",
        hidden: "spam",
      },
    ],
    staffId,
  );
  await trx
    .insertInto("dialogue_followup")
    .values([
      {
        session_id: lastId,
        question_id: lastQs[0],
        action: "Công bố quy trình giải quyết rút gọn thủ tục công bố hợp quy trên Cổng dịch vụ công.",
        unit_id: units.get("CCTDC")!,
        due_date: vnDay(new Date(lastStart.getTime() + 45 * DAY)),
        status: "done",
        result: "Đã công bố.",
        done_at: new Date(lastStart.getTime() + 40 * DAY),
        created_by: staffId,
      },
      {
        session_id: lastId,
        question_id: lastQs[3],
        action: "Làm video hướng dẫn nộp hồ sơ trực tuyến cho 5 thủ tục được nộp nhiều nhất.",
        unit_id: units.get("TTTT")!,
        due_date: vnDay(new Date(lastStart.getTime() + 120 * DAY)),
        status: "in_progress",
        result: "Đã xong 3/5 video.",
        created_by: staffId,
      },
      {
        session_id: lastId,
        question_id: null,
        action: "Tổng hợp kết quả đối thoại vào báo cáo cải cách hành chính năm.",
        unit_id: units.get("VP")!,
        due_date: vnDay(new Date(lastStart.getTime() + 30 * DAY)),
        status: "done",
        result: "Đã đưa vào báo cáo.",
        done_at: new Date(lastStart.getTime() + 25 * DAY),
        created_by: staffId,
      },
    ])
    .execute();
  await trx
    .insertInto("dialogue_minutes")
    .values({
      session_id: lastId,
      opened_at: lastStart,
      closed_at: new Date(lastStart.getTime() + 3 * 3600_000 + 20 * 60_000),
      officials:
        "Ông Nguyễn Văn Bình, Giám đốc Sở\nBà Trần Thị Mai, Phó Giám đốc Sở\nLãnh đạo các phòng, Chi cục và Trung tâm thuộc Sở",
      summary:
        "Giám đốc Sở khai mạc, giới thiệu kết quả giải quyết thủ tục hành chính trong năm. Người dân và doanh nghiệp nêu 4 vấn đề; lãnh đạo Sở và các đơn vị trả lời trực tiếp 3 vấn đề, 1 vấn đề trả lời bằng văn bản sau buổi đối thoại.",
      chair_conclusion:
        "Các đơn vị tiếp tục rút ngắn thời gian giải quyết, đẩy mạnh dịch vụ công trực tuyến toàn trình và báo cáo kết quả thực hiện các kiến nghị về Văn phòng Sở trước thời hạn đã giao.",
      scan: DEMO_PDF,
      scan_mime: "application/pdf",
      scan_filename: `bien-ban-doi-thoai-${lastId}.pdf`,
      scan_size: DEMO_PDF.length,
      scan_uploaded_at: new Date(lastStart.getTime() + 2 * DAY),
      scan_uploaded_by: staffId,
      updated_by: staffId,
    })
    .execute();
  const src = (await loadMinutesSource(lastId, trx))!;
  const publishedAt = new Date(lastStart.getTime() + 3 * DAY);
  await trx
    .insertInto("dialogue_minutes_version")
    .values({
      session_id: lastId,
      version: 1,
      snapshot: JSON.stringify(buildPublicMinutes(src, 1, publishedAt)),
      published_at: publishedAt,
      published_by: staffId,
    })
    .execute();
  await trx.updateTable("dialogue_session").set({ status: "minutes_published" }).where("id", "=", lastId).execute();

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

// Last year's demo dialogue: held, with check-ins, answered questions, follow-ups (one still
// open), the signed scan and published minutes.
import type { DB } from "../client";
import { vnDay, vnYear } from "../../app/kernel/time/clock";
import { buildPublicMinutes } from "../../app/features/dialogue/dialogue-minutes";
import { loadMinutesSource } from "../../app/features/dialogue/dialogue-minutes.server";
import { DAY, questions, register, session, TOPICS, vnAt, type SessionBase } from "./dialogue-rows";

// A one-page PDF saying what it stands for: the demo's "signed scan".
const DEMO_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  "latin1",
);

export async function seedLastYear(trx: DB, base: SessionBase, units: Map<string, number>, staffId: number | null) {
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
  // The demo's dialogue is the default agency's (agency 1, migration 021).
  const src = (await loadMinutesSource(1, lastId, trx))!;
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
}

// The privacy notices shown before personal data is collected (NĐ 13/2023 Art. 13;
// docs/rules/personal-data.md). Each has a version: the consent record stores which text the person saw. Change the
// wording → change the version, never edit a published text in place.
import type { Lang } from "~/kernel/i18n/i18n";

export type ConsentPurpose = "dialogue_registration" | "feedback";

export interface PrivacyNotice {
  version: string;
  text: Record<Lang, string>;
  /** The box the person ticks: an explicit act, never pre-ticked. */
  consentLabel: Record<Lang, string>;
}

const rights = {
  vi: "Bạn có quyền xem, sửa, yêu cầu xóa dữ liệu của mình và rút lại sự đồng ý bất cứ lúc nào bằng mã đã nhận và số điện thoại hoặc email; yêu cầu được giải quyết trong 72 giờ. Chỉ cán bộ có nhiệm vụ mới được xem và mọi lần xem đều được ghi lại.",
  en: "You may see, correct or ask us to delete your data, and withdraw your consent at any time, using the code you received and your phone or email; requests are handled within 72 hours. Only staff whose work needs it can see your data, and every view is logged.",
};

export const PRIVACY_NOTICES: Record<ConsentPurpose, PrivacyNotice> = {
  dialogue_registration: {
    version: "dialogue-2026-11-27",
    text: {
      vi: `Mục đích: đăng ký và tổ chức buổi đối thoại, liên hệ khi buổi đối thoại thay đổi và trả lời câu hỏi của bạn. Dữ liệu thu thập: họ tên, số điện thoại hoặc email, đối tượng (người dân/doanh nghiệp), tên tổ chức, nhu cầu hỗ trợ và câu hỏi. Đơn vị xử lý: Văn phòng Sở Khoa học và Công nghệ. Thời gian lưu: 12 tháng sau buổi đối thoại, sau đó dữ liệu được xóa hoặc ẩn danh; biên bản công bố không có thông tin cá nhân. ${rights.vi}`,
      en: `Purpose: registering for and running the dialogue, contacting you if it changes, and answering your questions. Data collected: name, phone or email, whether you are a citizen or a business, organisation, accessibility needs and your question. Processed by: the Office of the Department of Science and Technology. Kept for: 12 months after the dialogue, then deleted or anonymised; the published minutes contain no personal data. ${rights.en}`,
    },
    consentLabel: {
      vi: "Tôi đã đọc thông báo trên và đồng ý cho Sở xử lý dữ liệu cá nhân của tôi cho mục đích đối thoại.",
      en: "I have read the notice above and agree that the Department processes my personal data for the dialogue.",
    },
  },
  feedback: {
    version: "feedback-2026-11-27",
    text: {
      vi: `Mục đích: tiếp nhận, xử lý và trả lời phản ánh, kiến nghị của bạn theo Nghị định 20/2008/NĐ-CP. Dữ liệu thu thập: họ tên, địa chỉ, số điện thoại, email, tổ chức, nội dung và tệp đính kèm. Đơn vị xử lý: Văn phòng Sở tiếp nhận, Ban Giám đốc và đơn vị được giao xử lý. Thời gian lưu: 12 tháng sau khi kết thúc xử lý, sau đó dữ liệu cá nhân được xóa hoặc ẩn danh; kết quả công bố không có thông tin cá nhân. ${rights.vi}`,
      en: `Purpose: receiving, handling and answering your feedback or recommendation under Decree 20/2008/NĐ-CP. Data collected: name, address, phone, email, organisation, the content and attachments. Processed by: the Department's Office receives it; the Board of Directors and the unit assigned handle it. Kept for: 12 months after handling ends, then personal data is deleted or anonymised; published results contain no personal data. ${rights.en}`,
    },
    consentLabel: {
      vi: "Tôi đã đọc thông báo trên và đồng ý cho Sở xử lý dữ liệu cá nhân của tôi để giải quyết phản ánh, kiến nghị.",
      en: "I have read the notice above and agree that the Department processes my personal data to handle my feedback.",
    },
  },
};

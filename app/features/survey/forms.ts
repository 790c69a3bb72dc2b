// The two standard questionnaires (docs/rules/questionnaires.md), as data: the demo seed writes them and the
// Office creates new surveys from them. Wording follows the current public SIPAS form (abridged)
// and TT 01/2018/TT-VPCP; the ministry revises it, so surveys copy it into versions they own.
import type { ItemOption, ItemType, SurveyKind } from "../../../db/tables/survey";

export interface TemplateItem {
  code: string;
  block: string;
  type: ItemType;
  text_vi: string;
  text_en: string;
  help_vi?: string;
  help_en?: string;
  required: boolean;
  options?: ItemOption[];
  max_length?: number;
}

export interface FormTemplate {
  kind: Exclude<SurveyKind, "custom">;
  slug: string;
  title_vi: string;
  title_en: string;
  intro_vi: string;
  intro_en: string;
  items: TemplateItem[];
}

const l5 = (code: string, block: string, text_vi: string, text_en: string, help?: [string, string]): TemplateItem => ({
  code,
  block,
  type: "L5",
  text_vi,
  text_en,
  ...(help ? { help_vi: help[0], help_en: help[1] } : {}),
  required: true,
});

const priority = (code: string, text_vi: string, text_en: string): TemplateItem => ({
  code,
  block: "EXPECT",
  type: "PRIORITY",
  text_vi,
  text_en,
  required: false,
});

const NO_NAMES: [string, string] = [
  "Xin đừng ghi tên, số điện thoại hay số giấy tờ.",
  "Please do not write names, phone numbers or ID numbers.",
];

export const FORM_B: FormTemplate = {
  kind: "B",
  slug: "khao-sat-hai-long",
  title_vi: "Khảo sát sự hài lòng về dịch vụ hành chính công",
  title_en: "Satisfaction survey on public administrative services",
  intro_vi:
    "Ông/Bà vui lòng cho biết mức độ hài lòng với từng nội dung dưới đây. Phiếu không hỏi tên; ý kiến được tổng hợp chung để cải thiện dịch vụ.",
  intro_en:
    "Please tell us how satisfied you are with each point below. We do not ask your name; answers are only counted together to improve the service.",
  items: [
    l5(
      "ACC1",
      "ACCESS",
      "Thông tin về dịch vụ được cung cấp qua nhiều kênh, dễ tiếp cận",
      "Information about the service is available through many channels that are easy to use",
    ),
    l5(
      "ACC2",
      "ACCESS",
      "Nơi tiếp nhận và trả kết quả có biển chỉ dẫn rõ ràng, dễ tìm",
      "The place where dossiers are received and returned has clear signs and is easy to find",
    ),
    l5("ACC3", "ACCESS", "Nơi làm việc sạch sẽ, văn minh", "The office is clean and orderly"),
    l5(
      "ACC4",
      "ACCESS",
      "Trang thiết bị phục vụ (ghế ngồi, máy lấy số, máy tra cứu…) đầy đủ, hoạt động tốt",
      "There is enough equipment (seats, queue ticket machine, information kiosk…) and it works well",
    ),
    l5(
      "ACC_SAT",
      "ACCESS",
      "Nhìn chung, ông/bà hài lòng thế nào về việc tiếp cận dịch vụ?",
      "Overall, how satisfied are you with access to the service?",
    ),
    l5(
      "PROC1",
      "PROC",
      "Thủ tục hành chính được niêm yết công khai, đầy đủ, dễ hiểu",
      "The procedure is posted publicly, in full and in words that are easy to understand",
    ),
    l5(
      "PROC2",
      "PROC",
      "Thành phần hồ sơ phải nộp đúng quy định",
      "The documents you had to submit were only those the regulations require",
    ),
    l5("PROC3", "PROC", "Phí, lệ phí phải nộp đúng quy định", "The fees you paid were those the regulations set"),
    l5(
      "PROC4",
      "PROC",
      "Thời hạn giải quyết đúng quy định",
      "The processing time was within the time the regulations set",
    ),
    l5(
      "PROC_SAT",
      "PROC",
      "Nhìn chung, ông/bà hài lòng thế nào về thủ tục hành chính?",
      "Overall, how satisfied are you with the procedure?",
    ),
    l5("STAFF1", "STAFF", "Công chức có thái độ lịch sự, tôn trọng", "The officials were polite and respectful"),
    l5(
      "STAFF2",
      "STAFF",
      "Công chức trả lời đầy đủ, kịp thời các ý kiến, vướng mắc",
      "The officials answered your questions fully and promptly",
    ),
    l5(
      "STAFF3",
      "STAFF",
      "Công chức hướng dẫn kê khai hồ sơ rõ ràng, dễ hiểu, một lần là đủ",
      "The officials' guidance on the dossier was clear and enough the first time",
    ),
    l5(
      "STAFF4",
      "STAFF",
      "Công chức tuân thủ đúng quy định khi giải quyết công việc",
      "The officials followed the regulations in handling your case",
    ),
    l5("STAFF5", "STAFF", "Công chức tận tình, chu đáo", "The officials were dedicated and attentive"),
    l5(
      "STAFF_SAT",
      "STAFF",
      "Nhìn chung, ông/bà hài lòng thế nào về công chức?",
      "Overall, how satisfied are you with the officials?",
    ),
    l5("RES1", "RESULT", "Kết quả được trả đúng ngày hẹn", "The result was returned on the appointed date"),
    l5("RES2", "RESULT", "Kết quả đầy đủ, chính xác", "The result was complete and accurate"),
    l5("RES3", "RESULT", "Hồ sơ được giải quyết công bằng", "Your dossier was handled fairly"),
    l5(
      "RES_SAT",
      "RESULT",
      "Nhìn chung, ông/bà hài lòng thế nào về kết quả giải quyết?",
      "Overall, how satisfied are you with the result?",
    ),
    l5(
      "PAKN1",
      "PAKN",
      "Có cách gửi phản ánh, kiến nghị thuận tiện, dễ sử dụng",
      "There is an easy way to send feedback and recommendations",
      [
        "Nếu ông/bà chưa từng gửi phản ánh, kiến nghị, xin chọn “Không ý kiến”.",
        "If you have never sent feedback, choose “No opinion”.",
      ],
    ),
    l5(
      "PAKN2",
      "PAKN",
      "Phản ánh, kiến nghị được tiếp nhận, xử lý đúng quy định",
      "Feedback is received and handled as the regulations require",
    ),
    l5(
      "PAKN3",
      "PAKN",
      "Kết quả xử lý phản ánh, kiến nghị được thông báo kịp thời",
      "You are told the outcome of your feedback promptly",
    ),
    l5(
      "PAKN_SAT",
      "PAKN",
      "Nhìn chung, ông/bà hài lòng thế nào về việc tiếp nhận, xử lý phản ánh, kiến nghị?",
      "Overall, how satisfied are you with how feedback is handled?",
    ),
    l5(
      "OVERALL",
      "OVERALL",
      "Nhìn chung, ông/bà hài lòng thế nào với dịch vụ hành chính công của Sở?",
      "Overall, how satisfied are you with the department's public administrative services?",
    ),
    priority(
      "EXP_ACCESS",
      "Cơ quan cần cải thiện việc tiếp cận dịch vụ đến mức nào?",
      "How much does access to the service need improving?",
    ),
    priority(
      "EXP_PROC",
      "Cơ quan cần cải thiện thủ tục hành chính đến mức nào?",
      "How much does the procedure need improving?",
    ),
    priority(
      "EXP_STAFF",
      "Cơ quan cần cải thiện cách công chức phục vụ đến mức nào?",
      "How much does the officials' service need improving?",
    ),
    priority(
      "EXP_RESULT",
      "Cơ quan cần cải thiện kết quả và thời gian giải quyết đến mức nào?",
      "How much do results and processing times need improving?",
    ),
    priority(
      "EXP_PAKN",
      "Cơ quan cần cải thiện việc tiếp nhận, xử lý phản ánh, kiến nghị đến mức nào?",
      "How much does the handling of feedback need improving?",
    ),
    {
      code: "EXP_OTHER",
      block: "EXPECT",
      type: "textarea",
      text_vi: "Ý kiến khác: ông/bà muốn cơ quan cải thiện điều gì?",
      text_en: "Anything else you would like us to improve?",
      help_vi: NO_NAMES[0],
      help_en: NO_NAMES[1],
      required: false,
      max_length: 1000,
    },
    {
      code: "DEMO_TYPE",
      block: "DEMO",
      type: "single",
      text_vi: "Ông/Bà là",
      text_en: "You are",
      required: false,
      options: [
        { code: "person", vi: "Cá nhân", en: "An individual" },
        { code: "business", vi: "Doanh nghiệp", en: "A business" },
        { code: "org", vi: "Tổ chức khác", en: "Another organisation" },
      ],
    },
    {
      code: "DEMO_AGE",
      block: "DEMO",
      type: "single",
      text_vi: "Độ tuổi của ông/bà",
      text_en: "Your age",
      required: false,
      options: [
        { code: "u25", vi: "Dưới 25", en: "Under 25" },
        { code: "25_34", vi: "Từ 25 đến 34", en: "25 to 34" },
        { code: "35_49", vi: "Từ 35 đến 49", en: "35 to 49" },
        { code: "50_64", vi: "Từ 50 đến 64", en: "50 to 64" },
        { code: "65p", vi: "Từ 65 trở lên", en: "65 or over" },
      ],
    },
    {
      code: "DEMO_CHANNEL",
      block: "DEMO",
      type: "single",
      text_vi: "Ông/Bà đã nộp hồ sơ theo cách nào?",
      text_en: "How did you submit your dossier?",
      required: false,
      options: [
        { code: "in_person", vi: "Trực tiếp", en: "In person" },
        { code: "online", vi: "Trực tuyến", en: "Online" },
      ],
    },
  ],
};

const yesNo = (feedbackOnYes: boolean): ItemOption[] => [
  { code: "1", vi: "Có", en: "Yes", ...(feedbackOnYes ? { feedback: true } : {}) },
  { code: "0", vi: "Không", en: "No" },
];

export const FORM_A: FormTemplate = {
  kind: "A",
  slug: "danh-gia-ho-so",
  title_vi: "Đánh giá việc giải quyết hồ sơ",
  title_en: "How was your dossier handled?",
  intro_vi:
    "Sau khi nhận kết quả, xin ông/bà dành một phút đánh giá việc giải quyết hồ sơ. Danh tính người đánh giá được giữ kín.",
  intro_en:
    "Now that you have your result, please take a minute to tell us how your dossier was handled. Who answers is kept confidential.",
  items: [
    {
      code: "A_TIME",
      block: "DOSSIER",
      type: "single",
      text_vi: "Kết quả được trả so với ngày hẹn thế nào?",
      text_en: "When did you get the result, compared with the appointed date?",
      required: true,
      options: [
        { code: "early", vi: "Sớm hơn ngày hẹn", en: "Before the appointed date", score: 2 },
        { code: "on_time", vi: "Đúng ngày hẹn", en: "On the appointed date", score: 1 },
        { code: "late", vi: "Trễ hẹn", en: "Late", score: 0, feedback: true },
      ],
    },
    {
      code: "A_APOLOGY",
      block: "DOSSIER",
      type: "yesno",
      text_vi: "Nếu hồ sơ bị trễ hẹn: ông/bà có nhận được thư xin lỗi không?",
      text_en: "If your dossier was late: did you receive a letter of apology?",
      help_vi: "Bỏ qua câu này nếu hồ sơ không bị trễ hẹn.",
      help_en: "Skip this question if your dossier was not late.",
      required: false,
      options: yesNo(false),
    },
    {
      code: "A_CONTACTS",
      block: "DOSSIER",
      type: "single",
      text_vi: "Ông/Bà phải liên hệ với cơ quan mấy lần để hoàn thiện hồ sơ?",
      text_en: "How many times did you have to contact the agency to complete your dossier?",
      help_vi: "Không tính lần nộp hồ sơ đầu tiên.",
      help_en: "Not counting when you first submitted it.",
      required: true,
      options: [
        { code: "none", vi: "Không lần nào", en: "None", score: 2 },
        { code: "once", vi: "1 lần", en: "Once", score: 1 },
        { code: "more", vi: "Từ 2 lần trở lên", en: "Twice or more", score: 0 },
      ],
    },
    {
      code: "A_AGENCIES",
      block: "DOSSIER",
      type: "single",
      text_vi: "Trong khi giải quyết hồ sơ, ông/bà đã phải liên hệ những nơi nào?",
      text_en: "While your dossier was handled, where did you have to go?",
      required: true,
      options: [
        {
          code: "none",
          vi: "Không phải đến nơi nào (nộp và nhận trực tuyến)",
          en: "Nowhere (submitted and received online)",
          score: 2,
        },
        { code: "one_stop", vi: "Chỉ Bộ phận Một cửa", en: "Only the one-stop counter", score: 1 },
        { code: "several", vi: "Nhiều cơ quan, đơn vị", en: "Several agencies or units", score: 0 },
      ],
    },
    l5(
      "A_INFO",
      "PROC",
      "Thông tin công khai về thủ tục (hồ sơ, phí, thời hạn) đầy đủ, chính xác",
      "The published information about the procedure (documents, fees, time) was complete and accurate",
    ),
    {
      code: "A_COST",
      block: "PROC",
      type: "yesno",
      text_vi: "Ông/Bà có phải trả khoản chi phí nào ngoài quy định không?",
      text_en: "Did you have to pay anything beyond the official fees?",
      help_vi: "Câu trả lời được giữ kín.",
      help_en: "Your answer is kept confidential.",
      required: true,
      options: yesNo(true),
    },
    {
      code: "A_ATTITUDE",
      block: "STAFF",
      type: "single",
      text_vi: "Ông/Bà đánh giá thái độ của công chức thế nào?",
      text_en: "How would you rate the officials' attitude?",
      required: true,
      options: [
        { code: "very", vi: "Rất hài lòng", en: "Very satisfied", score: 2 },
        { code: "ok", vi: "Hài lòng", en: "Satisfied", score: 1 },
        { code: "not", vi: "Không hài lòng", en: "Not satisfied", score: 0, feedback: true },
      ],
    },
    l5(
      "A_OVERALL",
      "OVERALL",
      "Nhìn chung, ông/bà hài lòng thế nào với việc giải quyết hồ sơ này?",
      "Overall, how satisfied are you with how this dossier was handled?",
    ),
    {
      code: "A_SUGGEST",
      block: "OTHER",
      type: "textarea",
      text_vi: "Ông/Bà có góp ý gì để chúng tôi phục vụ tốt hơn?",
      text_en: "Any suggestion to help us serve you better?",
      help_vi: NO_NAMES[0],
      help_en: NO_NAMES[1],
      required: false,
      max_length: 1000,
    },
  ],
};

export const FORM_TEMPLATES = { A: FORM_A, B: FORM_B } as const;

// Texts shared by every page. Vietnamese is the source language; en/ has the same keys.
const common = {
  app: {
    name: "Hài Lòng",
    tagline: "Cổng khảo sát sự hài lòng, đối thoại và phản ánh, kiến nghị",
    department: "Sở Khoa học và Công nghệ tỉnh Tiền Giang",
    skipToContent: "Bỏ qua, đến nội dung chính",
    mainNav: "Điều hướng chính",
    footer: "Hài Lòng — phần mềm mã nguồn mở phục vụ người dân và doanh nghiệp.",
  },
  forms: {
    errorSummary: "Có lỗi cần sửa",
    errorPrefix: "Lỗi:",
    required: "(bắt buộc)",
    optional: "(không bắt buộc)",
    invalid: "Thông tin không hợp lệ, vui lòng kiểm tra lại.",
  },
  nav: {
    home: "Trang chủ",
    survey: "Đánh giá",
    dialogue: "Đối thoại",
    feedback: "Phản ánh, kiến nghị",
    staff: "Cán bộ",
  },
  lang: {
    label: "Ngôn ngữ",
    switchTo: "English",
    switchToLabel: "Switch to English",
    switchKeepLabel: "Switch to English, keeping your answers",
    defaultSend: "Gửi",
    vi: "Tiếng Việt",
    en: "English",
  },
  home: {
    title: "Hài Lòng — ý kiến của bạn giúp cải thiện dịch vụ công",
    heading: "Chúng tôi lắng nghe người dân và doanh nghiệp",
    intro:
      "Cổng này giúp {{department}} biết bạn có hài lòng với dịch vụ hành chính công hay không, tổ chức đối thoại với người dân và tiếp nhận, trả lời phản ánh, kiến nghị.",
    surveyTitle: "Đánh giá sự hài lòng",
    surveyBody:
      "Trả lời vài câu hỏi ngắn sau khi làm thủ tục. Không cần ghi tên; mỗi phiếu ghi rõ số câu hỏi và thời gian trả lời.",
    dialogueTitle: "Đối thoại với lãnh đạo Sở",
    dialogueBody: "Đăng ký tham dự buổi đối thoại hằng năm về thủ tục hành chính và gửi câu hỏi trước.",
    feedbackTitle: "Phản ánh, kiến nghị",
    feedbackBody: "Gửi phản ánh, kiến nghị về quy định hoặc việc giải quyết thủ tục hành chính và theo dõi kết quả.",
    comingSoon: "Sắp ra mắt",
    openSurveys: "Khảo sát đang mở",
    noOpenSurveys: "Hiện chưa có khảo sát nào đang mở.",
    stats: "{{units}} đơn vị, {{procedures}} thủ tục hành chính",
  },
  errors: {
    notFoundTitle: "Không tìm thấy trang",
    notFoundBody: "Trang bạn tìm không có hoặc đã được chuyển đi. Hãy kiểm tra lại địa chỉ.",
    errorTitle: "Đã có lỗi xảy ra",
    errorBody: "Hệ thống tạm thời không xử lý được yêu cầu của bạn. Xin vui lòng thử lại sau ít phút.",
    forbiddenTitle: "Bạn không có quyền xem trang này",
    forbiddenBody: "Trang này dành cho cán bộ có vai trò khác. Nếu bạn cần truy cập, hãy liên hệ quản trị viên.",
    badRequestTitle: "Yêu cầu không hợp lệ",
    backHome: "Về trang chủ",
    code: "Mã lỗi: {{status}}",
  },
};

export default common;

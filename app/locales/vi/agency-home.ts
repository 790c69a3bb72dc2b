// The public home page of each agency (/<code>) and the province's list of agencies (/co-quan).
const agencyHome = {
  agencyHome: {
    title: "{{agency}} — Hài Lòng",
    partOf: "Trực thuộc {{parent}}",
    intro:
      "Cổng này giúp {{agency}} biết bạn có hài lòng với dịch vụ hành chính công hay không, tổ chức đối thoại với người dân và tiếp nhận, trả lời phản ánh, kiến nghị.",
    services: "Dịch vụ của cơ quan",
    surveyTitle: "Đánh giá sự hài lòng",
    surveyBody: "Trả lời vài câu hỏi ngắn sau khi làm thủ tục. Không cần ghi tên.",
    feedbackTitle: "Gửi phản ánh, kiến nghị",
    feedbackBody: "Phản ánh, kiến nghị về quy định hoặc việc giải quyết thủ tục hành chính của cơ quan.",
    statusTitle: "Tra cứu phản ánh, kiến nghị",
    statusBody: "Xem tình trạng và câu trả lời bằng mã tra cứu nhận được khi gửi.",
    dialogueTitle: "Đối thoại với lãnh đạo",
    dialogueBody: "Đăng ký tham dự buổi đối thoại với người dân, doanh nghiệp và gửi câu hỏi trước.",
    resultsTitle: "Kết quả đánh giá",
    resultsBody: "Tỷ lệ hài lòng, việc xử lý phản ánh, kiến nghị và đối thoại của từng kỳ báo cáo.",
    children: "Cơ quan trực thuộc",
    allAgencies: "Các cơ quan khác trong tỉnh",
  },
  provinceHome: {
    title: "Các cơ quan trong tỉnh — Hài Lòng",
    heading: "Các cơ quan trong tỉnh",
    intro:
      "Chọn cơ quan để đánh giá sự hài lòng, gửi hoặc tra cứu phản ánh, kiến nghị, đăng ký đối thoại hay xem kết quả.",
    none: "Chưa có cơ quan nào.",
    fromHomeTitle: "Các cơ quan trong tỉnh",
    fromHomeBody: "Cổng này phục vụ {{count}} cơ quan. Chọn cơ quan bạn đã làm thủ tục.",
  },
};

export default agencyHome;

// The provincial league table (docs/rules/league.md).
export default {
  province: {
    nav: "Xếp hạng cấp tỉnh",
    title: "Bảng xếp hạng các cơ quan — {{period}}",
    window: "Số liệu từ {{from}} đến {{to}}, đọc trực tiếp (chưa phải số liệu đã chốt).",
    rule: "Một cơ quan chỉ xếp trên cơ quan khác khi cả khoảng tin cậy 95 % của nó nằm trên khoảng của cơ quan kia. Khi hai khoảng chồng lên nhau, số liệu chưa chứng minh được cơ quan nào hơn.",
    placeHelp:
      "Cột «Hạng»: «2» là hạng đã rõ; «=2» là đồng hạng 2; «1–3» là có thể đứng ở bất kỳ hạng nào từ 1 đến 3. Trong cùng một khoảng hạng, các cơ quan xếp theo tên.",
    choosePeriod: "Chọn kỳ",
    year: "Năm",
    kind: "Kỳ",
    show: "Xem",
    badPeriod: "Kỳ không hợp lệ. Hãy chọn năm và kỳ.",
    satisfaction: "Chỉ số hài lòng (câu hỏi hài lòng chung, phiếu B)",
    feedback: "Phản ánh, kiến nghị được xử lý đúng hạn",
    feedbackNote:
      "Số vụ việc xử lý đúng hạn trên số vụ việc đã xử lý trong kỳ; không có chỉ tiêu nên không có đánh giá đạt/không đạt.",
    tt01: "Xếp loại theo Thông tư 01/2018/TT-VPCP",
    tt01Note:
      "Tổng điểm không có khoảng tin cậy, nên các cơ quan được xếp theo loại: cùng loại là đồng hạng. Cơ quan còn thiếu chỉ số thì chưa xếp loại và không xếp hạng.",
    empty: "Chưa có cơ quan nào.",
    noData: "Chưa có dữ liệu",
    notRanked: "Không xếp hạng",
    tie: "{{place}} (đồng hạng)",
    missing: "Thiếu chỉ số {{list}}",
    downloads: "Tải về",
    csv: "Tải bảng xếp hạng (CSV)",
    col: {
      agency: "Cơ quan",
      place: "Hạng",
      n: "n",
      rate: "Tỷ lệ",
      interval: "Khoảng tin cậy 95 %",
      target: "Chỉ tiêu",
      verdict: "Đánh giá",
      onTime: "Đúng hạn / đã xử lý",
      total: "Tổng điểm",
      grade: "Xếp loại",
      status: "Ghi chú",
    },
    sheets: { satisfaction: "Hài lòng", feedback: "PAKN đúng hạn", tt01: "TT 01" },
  },
};

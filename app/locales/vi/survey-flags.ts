// Staff review of flagged survey responses (docs/rules/flags.md).
const surveyFlags = {
  surveyFlags: {
    title: "Phiếu bị đánh dấu",
    link: "Phiếu bị đánh dấu theo ngày",
    intro:
      "Phiếu có dấu hiệu bất thường được giữ lại nhưng không tính vào số liệu. Mỗi dòng là các phiếu của một ngày có cùng lý do. Văn phòng có thể chấp nhận lại một nhóm sau khi kiểm tra; việc này được ghi nhật ký.",
    from: "Từ ngày",
    to: "Đến ngày",
    show: "Xem",
    colDay: "Ngày",
    colReasons: "Lý do",
    colResponses: "Số phiếu",
    colAction: "Thao tác",
    none: "Không có phiếu bị đánh dấu trong khoảng này.",
    note: "Ghi chú (lý do chấp nhận)",
    accept: "Chấp nhận lại {{count}} phiếu",
    accepted: "Đã chấp nhận lại {{count}} phiếu; số liệu đã tính lại.",
    acceptedTitle: "Các nhóm đã chấp nhận lại",
    colBy: "Người chấp nhận",
    colAt: "Lúc",
    colNote: "Ghi chú",
    reasons: {
      honeypot: "điền vào ô ẩn (máy tự động)",
      too_fast: "gửi nhanh hơn thời gian đọc tối thiểu",
      repeat_fast: "phiếu thứ hai trên cùng mẫu, gửi quá sớm",
      repeat_near: "phiếu thứ hai trên cùng mẫu, gần như giống phiếu trước",
      rate: "vượt giới hạn của cả mẫu (trước 12/2026)",
      rate_device: "một thiết bị gửi quá nhiều",
      rate_address: "một địa chỉ mạng gửi quá nhiều",
      rate_link: "một đường dẫn gửi quá nhiều",
    },
    errors: {
      date: "Ngày phải theo dạng năm-tháng-ngày và từ ngày không sau đến ngày.",
      batch: "Nhóm phiếu không hợp lệ.",
      note: "Ghi chú tối đa 500 ký tự.",
      empty: "Nhóm này không còn phiếu bị đánh dấu (có thể đã được chấp nhận).",
    },
  },
  surveyVersions: {
    several:
      "Số liệu này gồm phiếu trả lời nhiều phiên bản khảo sát (câu hỏi được ghép theo mã): {{list}}. Chọn một phiên bản ở bộ lọc để xem riêng.",
    one: "Số liệu của {{list}}.",
    item: "phiên bản {{version}}, n = {{n}}",
    none: "Phiên bản đã chọn không có phiếu trong kỳ này.",
  },
};

export default surveyFlags;

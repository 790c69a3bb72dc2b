// A report period's coverage (reading date, estimate) and sending (chốt số liệu).
const reportStatus = {
  reportStatus: {
    window: "Kỳ báo cáo: từ {{from}} đến {{to}} (Nghị định 09/2019/NĐ-CP, Điều 12)",
    readThrough: "Số liệu thực hiện tính đến {{time}} ngày {{date}} ({{days}} ngày).",
    notStarted: "Kỳ báo cáo chưa bắt đầu: chưa có số liệu.",
    complete: "Số liệu thực hiện cả kỳ.",
    estimate:
      "Từ {{from}} đến {{to}} ({{days}} ngày): ước thực hiện — các ngày này chưa có số liệu và không được tính vào các số liệu dưới đây.",
    sent: "Đã chốt số liệu lúc {{time}} ngày {{date}}: báo cáo hiển thị số liệu đã gửi.",
    notSent: "Chưa chốt số liệu: các số liệu dưới đây còn thay đổi khi có thêm phiếu.",
    send: "Chốt số liệu (đánh dấu đã gửi báo cáo)",
    sendHint: "Sau khi chốt, báo cáo luôn hiển thị số liệu đã gửi; thay đổi về sau được ghi riêng bên cạnh.",
    justSent: "Đã chốt số liệu kỳ báo cáo.",
    alreadySent: "Kỳ báo cáo này đã được chốt số liệu trước đó.",
    lockedPeriod: "Kỳ báo cáo đã chốt số liệu: không sửa được khung thời gian.",
    changeTitle: "Thay đổi sau khi chốt số liệu",
    noChange: "Không có thay đổi kể từ khi chốt số liệu.",
    entries: "{{entries}} phiếu ghi ngày trong kỳ được nhập sau khi chốt (trong đó {{paper}} phiếu giấy).",
    heldBack:
      "Thay đổi dựa trên dưới {{threshold}} ý kiến nên chưa hiển thị số liệu, để không ai bị nhận diện (NĐ 61/2018, Điều 27).",
    paperSentPeriod:
      "Ngày trên phiếu thuộc kỳ báo cáo đã chốt số liệu: chỉ tài khoản Văn phòng được nhập phiếu này, và việc nhập được ghi vào nhật ký.",
    sentCol: "Đã gửi",
    nowCol: "Hiện nay",
    answersCol: "Thay đổi n",
  },
};

export default reportStatus;

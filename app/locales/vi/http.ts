// Refusals the server gives before a page runs (docs/security/http.md): too large, wrong kind of
// body, another site's form, a malformed address.
const http = {
  http: {
    tooLargeTitle: "Nội dung gửi lên quá lớn",
    tooLargeBody:
      "Trang này nhận tối đa {{max}} mỗi lần gửi, kể cả tệp đính kèm. Xin quay lại, bỏ bớt hoặc thu nhỏ tệp rồi gửi lại.",
    unsupportedTitle: "Không đọc được nội dung gửi lên",
    unsupportedBody: "Trang này chỉ nhận biểu mẫu gửi từ trình duyệt. Xin quay lại trang trước và gửi lại biểu mẫu.",
    crossSiteTitle: "Yêu cầu bị từ chối",
    crossSiteBody:
      "Biểu mẫu này được gửi từ một trang web khác, nên không được xử lý. Xin mở trang của Cổng và gửi lại từ đó.",
    badRequestTitle: "Yêu cầu không hợp lệ",
    badRequestBody: "Địa chỉ hoặc nội dung gửi lên có ký tự hoặc giá trị không hợp lệ. Xin kiểm tra lại rồi thử lại.",
    methodTitle: "Thao tác không được hỗ trợ",
    methodBody: "Trang này không nhận kiểu yêu cầu này.",
    errorTitle: "Đã có lỗi xảy ra",
    errorBody: "Hệ thống tạm thời không xử lý được yêu cầu của bạn. Xin vui lòng thử lại sau ít phút.",
    backHome: "Về trang chủ",
    code: "Mã lỗi: {{status}}",
  },
};
export default http;

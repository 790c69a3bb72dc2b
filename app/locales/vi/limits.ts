// Texts of the limits that slow an attacker without locking out the owner (docs/security/limits.md).
export default {
  limits: {
    feedback: {
      heldTag: "Giữ lại xem xét",
      heldIntro:
        "Các phản ánh, kiến nghị gửi từ một địa chỉ mạng quá 20 lượt trong một giờ (có thể là nhiều người cùng dùng Wi-Fi của một hội trường, hoặc một người gửi hàng loạt). Tất cả đều đã được lưu và người gửi đã nhận mã. Hãy xem từng phản ánh; nếu là phản ánh thật, bấm “Đã xem xét” để đưa vào xử lý như thường.",
      release: "Đã xem xét",
      released: "Đã đưa {{count}} phản ánh vào xử lý như thường.",
    },
    dialogue: {
      toConfirmCount: "chờ xác nhận",
      toConfirmIntro:
        "Đăng ký chờ xác nhận: quá 5 lượt đăng ký trong một giờ từ cùng một địa chỉ mạng (có thể là đăng ký giả hàng loạt). Các đăng ký này chưa giữ chỗ. Xác nhận: có chỗ nếu còn, nếu không thì vào cuối danh sách chờ. Từ chối: hủy đăng ký.",
      confirm: "Xác nhận",
      reject: "Từ chối",
      confirmAll: "Xác nhận tất cả đăng ký chờ xác nhận",
      rejectAll: "Từ chối tất cả đăng ký chờ xác nhận",
    },
    users: {
      signIn: "Đăng nhập",
      waiting: "Trình duyệt lạ phải chờ đến {{at}} ({{count}} lần thử)",
      attempts: "{{count}} lần thử từ trình duyệt lạ trong giờ qua",
      browsersWaiting: "{{count}} trình duyệt quen đang phải chờ",
      unlock: "Mở chặn đăng nhập",
      unlockFor: "Mở chặn đăng nhập cho {{email}}",
      unlocked: "Đã mở chặn đăng nhập cho {{email}}: người này có thể đăng nhập ngay.",
      hint: "Sau 5 lần đăng nhập sai từ trình duyệt lạ, mỗi lần thử tiếp theo phải chờ lâu dần (1, 2, 4, 8 rồi 15 phút). Trình duyệt người dùng đã từng đăng nhập đúng không bị ảnh hưởng. Mỗi lần bắt đầu phải chờ đều được ghi vào nhật ký thao tác (auth.login_locked).",
    },
  },
};

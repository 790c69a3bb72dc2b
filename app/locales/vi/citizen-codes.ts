// Mã đầy đủ (mã ngắn + khóa bí mật), mã xác nhận gửi qua email, và các thông báo liên quan.
const codes = {
  codes: {
    errors: {
      needsKey:
        "Đây là mã ngắn, dùng khi trao đổi với cán bộ. Để tra cứu, hãy nhập mã đầy đủ (mã ngắn kèm 10 ký tự bảo mật) hiện ra sau khi gửi và trong email. Mất mã đầy đủ? Hãy gọi Văn phòng Sở để được gửi lại đến liên hệ đã khai.",
      feedbackNeedsKey:
        "Đây là mã ngắn, dùng khi trao đổi với cán bộ. Để tra cứu, hãy nhập mã đầy đủ, dạng PAKN.20261206.0001-K7M2Q-X9P4T, hiện ra sau khi gửi và trong email. Mất mã đầy đủ? Hãy gọi Văn phòng Sở để được gửi lại đến liên hệ đã khai.",
    },
    hint: {
      feedback: "Mã đầy đủ, dạng PAKN.20261206.0001-K7M2Q-X9P4T",
      registration: "Mã đầy đủ, dạng K7M2QX-A3B4C-D5E6F",
    },
    sent: {
      fullLabel: "Mã tra cứu đầy đủ của bạn",
      shortLabel: "Mã ngắn (dùng khi gọi điện cho Sở)",
      keepFull:
        "Hãy ghi lại mã đầy đủ này và giữ riêng cho mình. Chỉ trang này hiện mã đầy đủ; nếu bạn đã khai email, mã cũng được gửi đến email đó. Bạn cần mã đầy đủ và số điện thoại đã khai để tra cứu.",
      fullGone:
        "Mã đầy đủ chỉ hiện một lần ngay sau khi gửi, và được gửi đến email bạn đã khai. Nếu mất, hãy gọi Văn phòng Sở với mã ngắn để được gửi lại đến liên hệ đã khai.",
    },
    staff: {
      fullCode: "Mã đầy đủ của người gửi (chỉ đọc cho đúng người gửi, qua số điện thoại đã khai)",
      showCode: "Hiện mã đầy đủ để đọc cho người gửi (được ghi nhật ký)",
    },
    signup: {
      checkContact:
        "Nếu số điện thoại hoặc email này đã đăng ký buổi đối thoại này, chúng tôi đã gửi thông tin đăng ký đến email đó (hoặc cán bộ sẽ gọi đến số điện thoại đó). Không có đăng ký mới nào được tạo.",
    },
    otp: {
      label: "Mã xác nhận (6 chữ số)",
      submit: "Xác nhận",
      withdrawSent:
        "Chúng tôi đã gửi mã xác nhận 6 chữ số đến email đã khai. Nhập mã trong 15 phút để rút lại sự đồng ý.",
      cancelSent: "Chúng tôi đã gửi mã xác nhận 6 chữ số đến email đã đăng ký. Nhập mã trong 15 phút để hủy đăng ký.",
      wrong: "Mã xác nhận không đúng hoặc đã hết hạn. Hãy gửi lại yêu cầu để nhận mã mới.",
      withdrawQueued:
        "Đã nhận yêu cầu rút lại sự đồng ý. Vì không gửi được mã xác nhận đến email đã khai, cán bộ sẽ liên hệ qua số điện thoại đã khai để xác nhận trước khi xóa dữ liệu, chậm nhất ngày {{due}}.",
      cancelQueued:
        "Đã nhận yêu cầu hủy. Vì không gửi được mã xác nhận qua email, cán bộ sẽ gọi số điện thoại đã đăng ký để xác nhận trước khi hủy.",
      mailSubject: "Mã xác nhận: {{otp}}",
      mailBody:
        "Mã xác nhận của bạn là {{otp}} (hiệu lực 15 phút), để {{what}} mã {{code}}.\nNếu không phải bạn yêu cầu, đừng đưa mã này cho ai; không có gì thay đổi.",
      whatWithdraw: "rút lại sự đồng ý và xóa dữ liệu cá nhân của",
      whatCancel: "hủy đăng ký đối thoại",
    },
    mail: {
      feedbackSubject: "Sở đã nhận phản ánh, kiến nghị {{code}}",
      feedbackBody:
        "Sở đã nhận phản ánh, kiến nghị của bạn.\nMã ngắn (khi gọi điện cho Sở): {{code}}\nMã tra cứu đầy đủ: {{full}}\nTra cứu tình trạng bằng mã đầy đủ và số điện thoại đã khai: {{link}}\nXin giữ mã đầy đủ cho riêng mình.",
      registrationSubject: "Đăng ký buổi đối thoại “{{title}}”",
      registrationBody:
        "Bạn đã đăng ký buổi đối thoại “{{title}}”.\nMã tại cửa: {{code}}\nMã tra cứu đầy đủ: {{full}}\nXem, hủy, gửi câu hỏi: {{link}}\nXin giữ mã đầy đủ cho riêng mình.",
    },
  },
};

export default codes;

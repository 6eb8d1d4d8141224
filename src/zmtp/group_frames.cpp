#include "zmtp/group_frames.hpp"

#include "base/error.hpp"
#include "base/msg.hpp"

#include <cstring>

namespace zmx::zmtp {

void encode_join_leave(bytes& out, const msg& m) {
    const char* group = m.group();
    encode_command(out, m.has(msg::join) ? join_command : leave_command,
                   byte_view(reinterpret_cast<const uint8_t*>(group), std::strlen(group)));
}

int join_leave_message(msg& out, bool join, byte_view group) {
    if (group.size() > max_group_length)
        return fail(EINVAL);
    char text[max_group_length + 1];
    std::memcpy(text, group.data(), group.size());
    text[group.size()] = '\0';
    out.init();
    out.set(join ? msg::join : msg::leave);
    return out.set_group(text);
}

int group_frame(msg& out, const msg& m) {
    const char* group = m.group();
    if (out.init_copy_of(group, std::strlen(group)) < 0)
        return -1;
    out.set(msg::more);
    return 0;
}

group_frame_reader::result group_frame_reader::take(msg& frame) {
    if (!have_group_) {
        if (!frame.has(msg::more) || frame.size() > max_group_length)
            return result::error;
        std::memcpy(group_, frame.data(), frame.size());
        group_[frame.size()] = '\0';
        have_group_ = true;
        frame.close();
        return result::need_body;
    }
    if (frame.has(msg::more))
        return result::error;
    have_group_ = false;
    return frame.set_group(group_) < 0 ? result::error : result::body_ready;
}

} // namespace zmx::zmtp

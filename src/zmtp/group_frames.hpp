// How RADIO and DISH carry groups over ZMTP (RFC 48, as libzmq 4.3.4 does):
// a RADIO sends each message as two frames, the group (with MORE, at most
// 255 bytes) then the body; a DISH sends JOIN and LEAVE commands whose data
// is the group. libzmq sends these commands to ZMTP 3.0 peers too.
//
// Threading: group_frame_reader belongs to one engine; the functions are
// stateless.
#pragma once

#include "zmtp/commands.hpp"

#include <cstddef>
#include <string_view>

namespace zmx {
class msg;
}

namespace zmx::zmtp {

inline constexpr std::string_view join_command = "JOIN";
inline constexpr std::string_view leave_command = "LEAVE";
inline constexpr size_t max_group_length = 255;  // ZMQ_GROUP_MAX_LENGTH

// The JOIN or LEAVE command body for a message flagged msg::join or
// msg::leave, its group the data.
void encode_join_leave(bytes& out, const msg& m);
// The message form of a JOIN or LEAVE command's data: an empty message
// flagged msg::join (or msg::leave) with the group set. -1 with EINVAL when
// the group is longer than 255 bytes, ENOMEM when out of memory.
int join_leave_message(msg& out, bool join, byte_view group);
// The frame a RADIO sends ahead of a message: its group, with MORE.
int group_frame(msg& out, const msg& m);

// A DISH's view of a RADIO's frames: pairs each group frame with the body
// after it.
class group_frame_reader {
public:
    enum class result {
        need_body,   // a group frame was taken: the body comes next
        body_ready,  // the frame is a body, now carrying its group
        error,       // not RFC 48: a group without MORE or over 255 bytes, a body with MORE
    };
    // Takes the next frame from the peer.
    result take(msg& frame);

private:
    char group_[max_group_length + 1] = {};
    bool have_group_ = false;
};

} // namespace zmx::zmtp

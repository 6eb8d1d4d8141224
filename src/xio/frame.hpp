// A zmq message frame that closes itself, and the whole-message send and
// receive the handles and endpoints build on. Every call here is
// non-blocking (ZMQ_DONTWAIT): waiting is the socket_guard's business.
#pragma once

#include <zmq.h>

#include <string_view>
#include <vector>

namespace zmx::xio {

struct ubuf;

class frame {
public:
    frame() { zmq_msg_init(&msg_); }
    // A frame holding a copy of bytes.
    explicit frame(std::string_view bytes);
    ~frame() { zmq_msg_close(&msg_); }
    frame(frame&& other) noexcept;
    frame& operator=(frame&& other) noexcept;
    frame(const frame&) = delete;
    frame& operator=(const frame&) = delete;

    zmq_msg_t* get() { return &msg_; }
    std::string_view bytes() const;
    size_t size() const { return zmq_msg_size(const_cast<zmq_msg_t*>(&msg_)); }

private:
    zmq_msg_t msg_;
};

using message = std::vector<frame>;

// One whole message into out (replacing what it held): 0, or -1 with errno
// (EAGAIN when none is waiting).
int recv_message(void* socket, message& out);
// Sends copies of the frames as one message (they stay for a resend): 0, or
// -1 with errno (EAGAIN when it has to wait; nothing was sent).
int send_copies(void* socket, message& frames);
// A new ubuf holding the bytes of frames [first, end) joined, or nullptr with
// ENOMEM: how a multi-frame body from a zmq peer becomes one ubuf.
ubuf* join_frames(message& frames, size_t first);

} // namespace zmx::xio

#include "xio/frame.hpp"

#include "xio/ubuf.hpp"

#include <cerrno>
#include <climits>
#include <cstring>

namespace zmx::xio {

frame::frame(std::string_view bytes) {
    zmq_msg_init_size(&msg_, bytes.size());
    if (!bytes.empty())
        std::memcpy(zmq_msg_data(&msg_), bytes.data(), bytes.size());
}

frame::frame(frame&& other) noexcept {
    zmq_msg_init(&msg_);
    zmq_msg_move(&msg_, &other.msg_);
}

frame& frame::operator=(frame&& other) noexcept {
    if (this != &other)
        zmq_msg_move(&msg_, &other.msg_);
    return *this;
}

std::string_view frame::bytes() const {
    auto* m = const_cast<zmq_msg_t*>(&msg_);
    return {static_cast<const char*>(zmq_msg_data(m)), zmq_msg_size(m)};
}

int recv_message(void* socket, message& out) {
    out.clear();
    do {
        out.emplace_back();
        // Frames after the first of a message are already there: only the
        // first can find nothing.
        if (zmq_msg_recv(out.back().get(), socket, ZMQ_DONTWAIT) < 0) {
            out.clear();
            return -1;
        }
    } while (zmq_msg_more(out.back().get()));
    return 0;
}

int send_copies(void* socket, message& frames) {
    for (size_t i = 0; i < frames.size(); ++i) {
        frame copy;
        zmq_msg_copy(copy.get(), frames[i].get());
        const int flags = ZMQ_DONTWAIT | (i + 1 < frames.size() ? ZMQ_SNDMORE : 0);
        // Once the first frame is taken the rest always is: a high-water
        // mark counts messages, not frames.
        if (zmq_msg_send(copy.get(), socket, flags) < 0)
            return -1;
    }
    return 0;
}

ubuf* join_frames(message& frames, size_t first) {
    size_t total = 0;
    for (size_t i = first; i < frames.size(); ++i)
        total += frames[i].size();
    if (total > static_cast<size_t>(INT_MAX)) {
        errno = EMSGSIZE;  // a ubuf's size is an int
        return nullptr;
    }
    ubuf* u = ubuf_alloc(static_cast<int>(total));
    if (!u)
        return nullptr;
    char* at = u->data();
    for (size_t i = first; i < frames.size(); ++i) {
        const auto bytes = frames[i].bytes();
        if (!bytes.empty())
            std::memcpy(at, bytes.data(), bytes.size());
        at += bytes.size();
    }
    return u;
}

} // namespace zmx::xio

#include "multipart.hpp"

#include <zmq.h>

namespace zmx_tools {

bool receive_frames(void* socket, frames& message, int flags) {
    message.clear();
    zmq_msg_t frame;
    zmq_msg_init(&frame);
    do {
        // Only the first frame may be missing; the rest of a message is
        // already there once its first frame is.
        if (zmq_msg_recv(&frame, socket, message.empty() ? flags : 0) < 0) {
            zmq_msg_close(&frame);
            return false;
        }
        message.emplace_back(static_cast<const char*>(zmq_msg_data(&frame)), zmq_msg_size(&frame));
    } while (zmq_msg_more(&frame));
    zmq_msg_close(&frame);
    return true;
}

bool send_frames(void* socket, const frames& message, int flags) {
    for (size_t i = 0; i < message.size(); ++i) {
        const bool last = i + 1 == message.size();
        if (zmq_send(socket, message[i].data(), message[i].size(), (last ? 0 : ZMQ_SNDMORE) | flags) < 0)
            return false;
    }
    return true;
}

void answer_waiting(void* rep, const std::function<std::string(const frames&)>& answer) {
    frames request;
    while (receive_frames(rep, request, ZMQ_DONTWAIT))
        send_frames(rep, {answer(request)}, ZMQ_DONTWAIT);
}

}  // namespace zmx_tools

// zmq_proxy, zmq_proxy_steerable and the 2.x zmq_device: forward whole
// messages between two sockets, copying each frame to an optional capture
// socket; a control socket may PAUSE, RESUME, TERMINATE or ask STATISTICS.
#include "base/error.hpp"

#include <zmq.h>

#include <cstdint>
#include <cstring>
#include <string_view>

using namespace zmx;

namespace {

struct traffic {
    uint64_t in_msgs = 0, in_bytes = 0, out_msgs = 0, out_bytes = 0;
};

// Moves one whole message from `from` to `to`; 0, or -1 with errno.
int forward(void* from, void* to, void* capture, traffic& from_stats, traffic& to_stats) {
    zmq_msg_t frame;
    zmq_msg_init(&frame);
    for (bool more = true; more;) {
        if (zmq_msg_recv(&frame, from, 0) < 0)
            break;
        more = zmq_msg_more(&frame);
        const size_t size = zmq_msg_size(&frame);
        if (capture) {
            zmq_msg_t copy;
            zmq_msg_init(&copy);
            zmq_msg_copy(&copy, &frame);
            if (zmq_msg_send(&copy, capture, more ? ZMQ_SNDMORE : 0) < 0)
                zmq_msg_close(&copy);
        }
        if (zmq_msg_send(&frame, to, more ? ZMQ_SNDMORE : 0) < 0)
            break;
        from_stats.in_bytes += size;
        to_stats.out_bytes += size;
        if (!more) {
            ++from_stats.in_msgs;
            ++to_stats.out_msgs;
            return 0;
        }
    }
    const int error = errno;
    zmq_msg_close(&frame);
    return fail(error);
}

void send_statistics(void* control, const traffic& front, const traffic& back) {
    const uint64_t values[8] = {front.in_msgs, front.in_bytes, front.out_msgs, front.out_bytes,
                                back.in_msgs,  back.in_bytes,  back.out_msgs,  back.out_bytes};
    for (int i = 0; i < 8; ++i)
        zmq_send(control, &values[i], sizeof values[i], i < 7 ? ZMQ_SNDMORE : 0);
}

enum class verdict { carry_on, pause, resume, terminate };

verdict read_control(void* control, const traffic& front, const traffic& back) {
    char command[16];
    const int size = zmq_recv(control, command, sizeof command, 0);
    if (size < 0)
        return verdict::carry_on;
    const std::string_view text(command, static_cast<size_t>(size) < sizeof command ? size : 0);
    if (text == "PAUSE")
        return verdict::pause;
    if (text == "RESUME")
        return verdict::resume;
    if (text == "TERMINATE")
        return verdict::terminate;
    if (text == "STATISTICS")
        send_statistics(control, front, back);
    return verdict::carry_on;
}

}  // namespace

int zmq_proxy_steerable(void* frontend, void* backend, void* capture, void* control) {
    if (!frontend || !backend)
        return fail(EFAULT);
    traffic front, back;
    bool paused = false;
    zmq_pollitem_t items[3] = {
        {frontend, 0, ZMQ_POLLIN, 0}, {backend, 0, ZMQ_POLLIN, 0}, {control, 0, ZMQ_POLLIN, 0}};
    const int count = control ? 3 : 2;
    for (;;) {
        if (zmq_poll(items, count, -1) < 0)
            return -1;
        if (control && (items[2].revents & ZMQ_POLLIN)) {
            switch (read_control(control, front, back)) {
            case verdict::pause: paused = true; break;
            case verdict::resume: paused = false; break;
            case verdict::terminate: return 0;
            case verdict::carry_on: break;
            }
        }
        if (paused)
            continue;
        if ((items[0].revents & ZMQ_POLLIN) && forward(frontend, backend, capture, front, back) < 0)
            return -1;
        if (frontend != backend && (items[1].revents & ZMQ_POLLIN) &&
            forward(backend, frontend, capture, back, front) < 0)
            return -1;
    }
}

int zmq_proxy(void* frontend, void* backend, void* capture) {
    return zmq_proxy_steerable(frontend, backend, capture, nullptr);
}

int zmq_device(int, void* frontend, void* backend) { return zmq_proxy(frontend, backend, nullptr); }

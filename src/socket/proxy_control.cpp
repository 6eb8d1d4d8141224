#include "socket/proxy_control.hpp"

#include "base/error.hpp"
#include "base/msg.hpp"
#include "socket/socket_base.hpp"

#include <zmq.h>
#include <zmx.h>

#include <string_view>

namespace zmx {

namespace {

int command_named(std::string_view text, bool drains, proxy_command& command) {
    if (text == "PAUSE")
        command = proxy_command::pause;
    else if (text == "RESUME")
        command = proxy_command::resume;
    else if (text == "TERMINATE")
        command = proxy_command::terminate;
    else if (text == "STATISTICS")
        command = proxy_command::statistics;
    else if (drains && text == "DRAIN")
        command = proxy_command::drain;
    else if (drains && text == "SOCKET_STATS")
        command = proxy_command::socket_stats;
    else
        return fail(EINVAL);  // libzmq aborts the process here
    return 0;
}

int read_and_capture(socket_base& control, socket_base* capture, msg& frame, proxy_command& command,
                     bool drains) {
    if (control.recv(frame, 0) < 0)
        return -1;
    if (frame.has(msg::more))
        return fail(EINVAL);
    if (capture && capture_frame(*capture, frame, false) < 0)
        return -1;
    return command_named({static_cast<const char*>(frame.data()), frame.size()}, drains, command);
}

} // namespace

int read_command(socket_base& control, socket_base* capture, bool drains, proxy_command& command) {
    msg frame;
    frame.init();
    if (read_and_capture(control, capture, frame, command, drains) < 0)
        return close_after_failure(frame);
    frame.close();
    return 0;
}

int send_statistics(socket_base& control, const socket_traffic& frontend, const socket_traffic& backend) {
    const uint64_t values[] = {frontend.messages_in, frontend.bytes_in, frontend.messages_out, frontend.bytes_out,
                               backend.messages_in,  backend.bytes_in,  backend.messages_out,  backend.bytes_out};
    constexpr size_t count = sizeof values / sizeof values[0];
    for (size_t i = 0; i < count; ++i) {
        msg frame;
        if (frame.init_copy_of(&values[i], sizeof values[i]) < 0)
            return -1;
        // Small enough to live inline: nothing to release if the send fails.
        if (control.send(frame, i + 1 < count ? ZMQ_SNDMORE : 0) < 0)
            return -1;
    }
    return 0;
}

int send_socket_stats(socket_base& control, socket_base& frontend, socket_base& backend) {
    socket_base* sides[] = {&frontend, &backend};
    for (size_t i = 0; i < 2; ++i) {
        struct zmx_socket_stats figures{};
        if (sides[i]->stats(figures) < 0)
            return -1;
        msg frame;
        if (frame.init_copy_of(&figures, sizeof figures) < 0)
            return -1;
        if (control.send(frame, i == 0 ? ZMQ_SNDMORE : 0) < 0)
            return close_after_failure(frame);
    }
    return 0;
}

} // namespace zmx

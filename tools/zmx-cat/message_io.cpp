#include "message_io.hpp"

#include "exit_codes.hpp"
#include "frame_codecs.hpp"

#include <zmq.h>

#include <iostream>

namespace zmx_cat {

namespace {

[[noreturn]] void fail_after(const char* waiting_for, const cat_options& options) {
    if (zmq_errno() == EAGAIN)
        throw cat_error(timed_out, std::string("timed out: ") + waiting_for + " took more than " +
                                       std::to_string(options.timeout_ms) + " ms");
    throw cat_error(failed, std::string(waiting_for) + ": " + zmq_strerror(zmq_errno()));
}

}  // namespace

void send_message(void* socket, const zmx_tools::frames& message, const cat_options& options) {
    if (!zmx_tools::send_frames(socket, message))
        fail_after("sending a message", options);
}

zmx_tools::frames receive_message(void* socket, const cat_options& options) {
    zmx_tools::frames message;
    if (zmx_tools::receive_frames(socket, message, ZMQ_DONTWAIT))
        return message;
    // Nothing waiting: whoever reads our output sees all of it before we
    // block (output is flushed only here, not after every message).
    std::cout.flush();
    if (zmq_errno() != EAGAIN || !zmx_tools::receive_frames(socket, message))
        fail_after("receiving a message", options);
    return message;
}

void print_message(const zmx_tools::frames& message, const message_format& format) {
    try {
        std::cout << format.render(message) << '\n';
    } catch (const format_error& error) {
        throw cat_error(failed, std::string("received a message that cannot be shown: ") + error.what());
    }
}

}  // namespace zmx_cat

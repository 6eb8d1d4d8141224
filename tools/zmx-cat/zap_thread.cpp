#include "zap_thread.hpp"

#include "multipart.hpp"

namespace zmx_cat {

namespace {

const char* const stop_address = "inproc://zmx-cat/zap-stop";

}  // namespace

zap_thread::zap_thread(const zmx_tools::context& ctx, const zmx_tools::security_settings& server)
    : authenticator_(ctx), stop_(ctx, ZMQ_PAIR), stop_end_(ctx, ZMQ_PAIR) {
    authenticator_.add_domain(zap_domain, server);
    stop_.bind(stop_address);
    stop_end_.connect(stop_address);
    thread_ = std::thread([this] { serve(); });
}

zap_thread::~zap_thread() {
    zmx_tools::send_frames(stop_end_.get(), {"stop"});
    thread_.join();
}

void zap_thread::serve() {
    zmq_pollitem_t items[] = {{authenticator_.socket(), 0, ZMQ_POLLIN, 0}, {stop_.get(), 0, ZMQ_POLLIN, 0}};
    // An interrupted poll (EINTR) polls again.
    while (!(items[1].revents & ZMQ_POLLIN)) {
        if (zmq_poll(items, 2, -1) > 0 && (items[0].revents & ZMQ_POLLIN))
            authenticator_.answer_one();
    }
}

}  // namespace zmx_cat

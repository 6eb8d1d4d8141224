#include "device_proxy.hpp"

#include "multipart.hpp"

#include <zmx.h>

#include <algorithm>
#include <cstring>

namespace zmx_broker {

namespace {

zmx_tools::socket pair_socket(const zmx_tools::context& ctx) {
    zmx_tools::socket s(ctx, ZMQ_PAIR);
    s.set_int(ZMQ_LINGER, 0);
    return s;
}

}  // namespace

device_proxy::device_proxy(const zmx_tools::context& ctx, void* frontend, void* backend, const std::string& address,
                           std::string where, logger& log)
    : log_(log), where_(std::move(where)), steering_(pair_socket(ctx)), control_(pair_socket(ctx)) {
    steering_.bind(address);
    control_.connect(address);
    thread_ = std::thread([this, frontend, backend] { run(frontend, backend); });
}

device_proxy::~device_proxy() {
    // An inproc PAIR with its peer connected takes it at once.
    if (state_ != state::drained)
        zmx_tools::send_frames(steering_.get(), {"TERMINATE"});
    thread_.join();
}

void device_proxy::run(void* frontend, void* backend) {
    if (zmx_proxy(frontend, backend, nullptr, control_.get(), ZMX_PROXY_DROP_REFUSED) != 0)
        log_.error(where_, ": the proxy stopped: ", zmq_strerror(zmq_errno()));
}

const proxy_counters& device_proxy::counters() {
    if (state_ == state::relaying) {
        ask("STATISTICS");
        read_counters();
    }
    return counters_;
}

const side_figures& device_proxy::figures() {
    if (state_ == state::relaying) {
        ask("SOCKET_STATS");
        read_figures();
    }
    return figures_;
}

void device_proxy::drain() {
    if (state_ != state::relaying)
        return;
    // The figures to show until the drain's own arrive.
    counters();
    figures();
    ask("DRAIN");
    state_ = state::draining;
}

void device_proxy::watch(poll_set& set) {
    if (state_ == state::draining)
        poll_index_ = set.add_socket(steering_.get(), ZMQ_POLLIN);
}

void device_proxy::serve(const poll_set& set) {
    if (state_ != state::draining || !set.ready(poll_index_))
        return;
    read_counters();
    state_ = state::drained;
}

void device_proxy::ask(const char* command) {
    if (!zmx_tools::send_frames(steering_.get(), {command}))
        throw zmx_tools::zmq_failure(where_ + ": " + command);
}

void device_proxy::read_counters() {
    zmx_tools::frames answer;
    if (!zmx_tools::receive_frames(steering_.get(), answer))
        throw zmx_tools::zmq_failure(where_ + ": statistics");
    for (size_t i = 0; i < answer.size() && i < counters_.size(); ++i)
        if (answer[i].size() == sizeof(uint64_t))
            std::memcpy(&counters_[i], answer[i].data(), sizeof(uint64_t));
}

}  // namespace zmx_broker

namespace zmx_broker {

void device_proxy::read_figures() {
    zmx_tools::frames answer;
    if (!zmx_tools::receive_frames(steering_.get(), answer))
        throw zmx_tools::zmq_failure(where_ + ": socket statistics");
    // A frame of another size comes from a library of another version: the
    // fields both know are read.
    for (size_t i = 0; i < answer.size() && i < figures_.size(); ++i)
        std::memcpy(&figures_[i], answer[i].data(), std::min(answer[i].size(), sizeof figures_[i]));
}

}  // namespace zmx_broker

#include "control_endpoint.hpp"

#include "multipart.hpp"
#include "startup_error.hpp"

namespace zmx_broker {

namespace {

std::string answer(const zmx_tools::frames& request, const std::function<std::string()>& stats) {
    const std::string command = request.size() == 1 ? request[0] : std::string();
    if (command == "stats")
        return stats();
    if (command == "ping")
        return "pong";
    return "error: unknown command '" + command + "' (commands: stats, ping)";
}

}  // namespace

control_endpoint::control_endpoint(const zmx_tools::context& ctx, const std::string& endpoint)
try : socket_(ctx, ZMQ_REP) {
    socket_.set_int(ZMQ_LINGER, 0);
    bound_ = socket_.bind(endpoint);
} catch (const zmx_tools::zmq_failure& failure) {
    throw startup_error(std::string("control endpoint: ") + failure.what());
}

void control_endpoint::watch(poll_set& set) { poll_index_ = set.add_socket(socket_.get(), ZMQ_POLLIN); }

void control_endpoint::serve(const poll_set& set, const std::function<std::string()>& stats) {
    if (set.ready(poll_index_))
        zmx_tools::answer_waiting(socket_.get(), [&](const zmx_tools::frames& request) { return answer(request, stats); });
}

}  // namespace zmx_broker

#include "device.hpp"

#include "startup_error.hpp"

namespace zmx_broker {

namespace {

// Messages one relay moves before the others get their turn.
constexpr size_t relay_batch = 256;

bool load_balances(int type) { return type == ZMQ_DEALER || type == ZMQ_PUSH; }

zmx_tools::socket open_socket(const zmx_tools::context& ctx, int type, const side_config& config, int linger_ms) {
    zmx_tools::socket s(ctx, type);
    s.set_int(ZMQ_LINGER, linger_ms);
    // A reply for a client that has gone is refused, so it is counted as
    // dropped instead of vanishing unseen.
    if (type == ZMQ_ROUTER)
        s.set_int(ZMQ_ROUTER_MANDATORY, 1);
    for (const auto& option : config.options)
        if (!apply_option(s.get(), option))
            throw zmx_tools::zmq_failure(std::string("option ") + option.spec->name);
    return s;
}

}  // namespace

device::side::side(const zmx_tools::context& ctx, int type, const side_config& config, int linger_ms,
                   const std::string& monitor_address, const std::string& where)
try : socket(open_socket(ctx, type, config, linger_ms)),
      monitor(ctx, socket.get(), monitor_address, where) {
    for (const auto& endpoint : config.bind)
        bound.push_back(socket.bind(endpoint));
    for (const auto& endpoint : config.connect) {
        socket.connect(endpoint);
        connected.push_back(endpoint);
    }
} catch (const zmx_tools::zmq_failure& failure) {
    throw startup_error(where + ": " + failure.what());
}

side_report device::side::report() const { return {monitor.peers(), bound, connected}; }

device::device(const zmx_tools::context& ctx, const device_config& config, size_t index, int linger_ms, logger& log)
    : name_(config.name),
      kind_(config.kind),
      log_(log),
      frontend_(ctx, shape_of(config.kind).frontend_type, config.frontend, linger_ms,
                "inproc://zmx-broker/monitor/" + std::to_string(index) + "/frontend",
                "device '" + config.name + "' frontend"),
      backend_(ctx, shape_of(config.kind).backend_type, config.backend, linger_ms,
               "inproc://zmx-broker/monitor/" + std::to_string(index) + "/backend",
               "device '" + config.name + "' backend"),
      forward_(frontend_.socket.get(), backend_.socket.get(), load_balances(shape_of(config.kind).backend_type)) {
    if (shape_of(kind_).two_way)
        backward_.emplace(backend_.socket.get(), frontend_.socket.get(),
                          load_balances(shape_of(kind_).frontend_type));
    for (const side* s : {&frontend_, &backend_}) {
        const char* side_name = s == &frontend_ ? "frontend" : "backend";
        for (const auto& endpoint : s->bound)
            log_.info("device '", name_, "' ", side_name, " bound to ", endpoint);
        for (const auto& endpoint : s->connected)
            log_.info("device '", name_, "' ", side_name, " connecting to ", endpoint);
    }
}

void device::watch(poll_set& set) {
    frontend_.monitor.watch(set);
    backend_.monitor.watch(set);
    forward_.watch(set);
    if (backward_)
        backward_->watch(set);
}

void device::serve(const poll_set& set) {
    frontend_.monitor.serve(set, log_);
    backend_.monitor.serve(set, log_);
    forward_.serve(set, relay_batch);
    if (backward_)
        backward_->serve(set, relay_batch);
}

bool device::has_input() const { return forward_.has_input() || (backward_ && backward_->has_input()); }

device_report device::report() const {
    return {name_, kind_, frontend_.report(), backend_.report(), forward_.counted(),
            backward_ ? backward_->counted() : traffic{}};
}

}  // namespace zmx_broker

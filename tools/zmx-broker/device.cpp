#include "device.hpp"

#include "startup_error.hpp"

namespace zmx_broker {

namespace {

std::string inproc_address(size_t index, const char* what) {
    return "inproc://zmx-broker/" + std::to_string(index) + "/" + what;
}

zmx_tools::socket open_socket(const zmx_tools::context& ctx, int type, const side_config& config, int linger_ms,
                              const std::string& zap_domain) {
    zmx_tools::socket s(ctx, type);
    zmx_tools::apply_security(s, config.security, zap_domain);
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
                   const std::string& monitor_address, const std::string& zap_domain, const std::string& where)
try : socket(open_socket(ctx, type, config, linger_ms, zap_domain)),
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

side_report device::side::report() const { return {monitor.peers(), {}, bound, connected}; }

device::device(const zmx_tools::context& ctx, const device_config& config, size_t index, int linger_ms, logger& log)
    : name_(config.name),
      kind_(config.kind),
      log_(log),
      frontend_(ctx, shape_of(config.kind).frontend_type, config.frontend, linger_ms,
                inproc_address(index, "monitor/frontend"), zap_domain(config.name, "frontend"), "device '" + config.name + "' frontend"),
      backend_(ctx, shape_of(config.kind).backend_type, config.backend, linger_ms,
               inproc_address(index, "monitor/backend"), zap_domain(config.name, "backend"), "device '" + config.name + "' backend"),
      proxy_(ctx, frontend_.socket.get(), backend_.socket.get(), inproc_address(index, "control"),
             "device '" + config.name + "'", log) {
    log_endpoints();
}

void device::log_endpoints() const {
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
    proxy_.watch(set);
}

void device::serve(const poll_set& set) {
    frontend_.monitor.serve(set, log_);
    backend_.monitor.serve(set, log_);
    proxy_.serve(set);
}

device_report device::report() {
    const proxy_counters& counters = proxy_.counters();
    const side_figures& figures = proxy_.figures();
    device_report r{name_,        kind_, frontend_.report(), backend_.report(), frontend_to_backend(counters),
                    backend_to_frontend(counters)};
    r.frontend.figures = figures[0];
    r.backend.figures = figures[1];
    return r;
}

}  // namespace zmx_broker

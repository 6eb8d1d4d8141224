#include "zap_service.hpp"

#include "startup_error.hpp"

namespace zmx_broker {

zap_service::zap_service(const zmx_tools::context& ctx, const broker_config& config)
try : authenticator_(ctx) {
    for (const auto& device : config.devices) {
        if (device.frontend.security.is_server())
            authenticator_.add_domain(zap_domain(device.name, "frontend"), device.frontend.security);
        if (device.backend.security.is_server())
            authenticator_.add_domain(zap_domain(device.name, "backend"), device.backend.security);
    }
} catch (const zmx_tools::zmq_failure& failure) {
    throw startup_error(std::string("ZAP handler: ") + failure.what());
}

bool zap_service::needed(const broker_config& config) {
    for (const auto& device : config.devices)
        if (device.frontend.security.is_server() || device.backend.security.is_server())
            return true;
    return false;
}

void zap_service::watch(poll_set& set) { poll_index_ = set.add_socket(authenticator_.socket(), ZMQ_POLLIN); }

void zap_service::serve(const poll_set& set, logger& log) {
    if (!set.ready(poll_index_))
        return;
    while (const auto verdict = authenticator_.answer_one()) {
        if (verdict->accepted)
            log.debug("ZAP: ", verdict->domain, " lets in '", verdict->client, "'");
        else
            log.warn("ZAP: ", verdict->domain, " refuses '", verdict->client, "'");
    }
}

}  // namespace zmx_broker

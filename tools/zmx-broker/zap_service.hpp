// The broker's ZAP handler: the tools' authenticator, answered from the
// broker's poll loop, for every device side that is a PLAIN or CURVE
// server (each its own ZAP domain, "DEVICE/frontend" or "DEVICE/backend").
// Each decision is logged: refusals as warnings, admissions at debug.
#pragma once

#include "config.hpp"
#include "poll_set.hpp"
#include "zap_authenticator.hpp"

namespace zmx_broker {

class zap_service {
public:
    // Bound before the devices open, so that their first clients find it.
    zap_service(const zmx_tools::context& ctx, const broker_config& config);

    // True when some device side is a PLAIN or CURVE server.
    static bool needed(const broker_config& config);

    void watch(poll_set& set);
    // Answers every request waiting, if its poll item fired.
    void serve(const poll_set& set, logger& log);

private:
    zmx_tools::zap_authenticator authenticator_;
    size_t poll_index_ = 0;
};

}  // namespace zmx_broker

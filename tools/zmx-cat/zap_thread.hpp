// A PLAIN or CURVE server's ZAP handler for zmx-cat, whose own thread is
// busy sending or receiving: the tools' authenticator answering on a
// thread of its own until destroyed.
#pragma once

#include "socket_security.hpp"
#include "zap_authenticator.hpp"
#include "zmq_handles.hpp"

#include <thread>

namespace zmx_cat {

// The ZAP domain zmx-cat's server socket names.
inline const std::string zap_domain = "zmx-cat";

class zap_thread {
public:
    // Bound before it returns, so that the server's first client finds it.
    zap_thread(const zmx_tools::context& ctx, const zmx_tools::security_settings& server);
    ~zap_thread();
    zap_thread(const zap_thread&) = delete;
    zap_thread& operator=(const zap_thread&) = delete;

private:
    // Answers requests until the stop socket speaks.
    void serve();

    zmx_tools::zap_authenticator authenticator_;
    zmx_tools::socket stop_;      // the handler thread's end
    zmx_tools::socket stop_end_;  // the owner's end
    std::thread thread_;
};

}  // namespace zmx_cat

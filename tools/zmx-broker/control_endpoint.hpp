// The REP socket a broker answers questions on (zmx-cat req can ask):
//   "stats" -> the statistics of every device, as one JSON object
//   "ping"  -> "pong"
#pragma once

#include "poll_set.hpp"
#include "zmq_handles.hpp"

#include <functional>
#include <string>

namespace zmx_broker {

class control_endpoint {
public:
    // Binds; throws startup_error.
    control_endpoint(const zmx_tools::context& ctx, const std::string& endpoint);

    const std::string& bound() const { return bound_; }
    void watch(poll_set& set);
    // Answers every request waiting, if its poll item fired.
    void serve(const poll_set& set, const std::function<std::string()>& stats);

private:
    zmx_tools::socket socket_;
    std::string bound_;
    size_t poll_index_ = 0;
};

}  // namespace zmx_broker

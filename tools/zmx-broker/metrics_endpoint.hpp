// Prometheus over HTTP (--metrics HOST:PORT): GET /metrics answers with the
// broker's figures in the text exposition format.
//
// The HTTP server (cpp-httplib) runs on threads of its own, but the figures
// are the broker thread's to gather (it steers the proxies): a scrape asks
// it over an inproc REQ/REP pair and waits for the text, as a client of
// the control endpoint would.
//
// Threading: watch and serve on the broker's thread; the rest is internal.
#pragma once

#include "logger.hpp"
#include "poll_set.hpp"
#include "zmq_handles.hpp"

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace httplib {
class Server;
}

namespace zmx_broker {

class metrics_endpoint {
public:
    // Listens on host:port (port 0: a free one); throws startup_error.
    metrics_endpoint(const zmx_tools::context& ctx, const std::string& host_port);
    // Stops the server and joins its thread.
    ~metrics_endpoint();
    metrics_endpoint(const metrics_endpoint&) = delete;
    metrics_endpoint& operator=(const metrics_endpoint&) = delete;

    // Where to scrape: "http://127.0.0.1:9100/metrics".
    const std::string& url() const { return url_; }
    void watch(poll_set& set);
    // Answers every scrape waiting, if its poll item fired.
    void serve(const poll_set& set, const std::function<std::string()>& text);

private:
    // On an HTTP thread: the broker's text, or nothing if it did not answer.
    bool ask_broker(std::string& text);

    zmx_tools::socket answering_;  // the broker thread's end
    zmx_tools::socket asking_;     // the HTTP threads', one at a time
    std::mutex asking_mutex_;
    std::unique_ptr<httplib::Server> server_;
    std::string url_;
    size_t poll_index_ = 0;
    std::thread thread_;
};

}  // namespace zmx_broker

#include "metrics_endpoint.hpp"

#include "multipart.hpp"
#include "startup_error.hpp"

#include <httplib.h>

#include <atomic>

namespace zmx_broker {

namespace {

// How long a scrape waits for the broker's thread, busy or stopping.
constexpr int answer_timeout_ms = 5000;

std::string unique_address() {
    static std::atomic<int> counter{0};
    return "inproc://zmx-broker/metrics/" + std::to_string(counter++);
}

// "HOST:PORT" split at its last colon ("[::1]:9100" keeps its brackets off).
bool split_host_port(const std::string& text, std::string& host, int& port) {
    const size_t colon = text.rfind(':');
    if (colon == std::string::npos || colon + 1 == text.size())
        return false;
    host = text.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    try {
        size_t used = 0;
        port = std::stoi(text.substr(colon + 1), &used);
        return used == text.size() - colon - 1 && port >= 0 && port <= 65535 && !host.empty();
    } catch (const std::exception&) {
        return false;
    }
}

}  // namespace

metrics_endpoint::metrics_endpoint(const zmx_tools::context& ctx, const std::string& host_port)
    : answering_(ctx, ZMQ_REP), asking_(ctx, ZMQ_REQ), server_(std::make_unique<httplib::Server>()) {
    std::string host;
    int port = 0;
    if (!split_host_port(host_port, host, port))
        throw startup_error("--metrics: '" + host_port + "' is not HOST:PORT");
    const std::string address = unique_address();
    answering_.set_int(ZMQ_LINGER, 0);
    answering_.bind(address);
    asking_.set_int(ZMQ_LINGER, 0);
    asking_.set_int(ZMQ_RCVTIMEO, answer_timeout_ms);
    // After a scrape the broker did not answer in time, the next one may ask again.
    asking_.set_int(ZMQ_REQ_RELAXED, 1);
    asking_.set_int(ZMQ_REQ_CORRELATE, 1);
    asking_.connect(address);
    server_->Get("/metrics", [this](const httplib::Request&, httplib::Response& response) {
        std::string text;
        if (!ask_broker(text)) {
            response.status = 503;
            response.set_content("the broker did not answer\n", "text/plain");
            return;
        }
        response.set_content(text, "text/plain; version=0.0.4; charset=utf-8");
    });
    const int bound = port == 0 ? server_->bind_to_any_port(host) : (server_->bind_to_port(host, port) ? port : -1);
    if (bound < 0)
        throw startup_error("--metrics: cannot listen on " + host_port);
    const bool v6 = host.find(':') != std::string::npos;
    url_ = "http://" + (v6 ? "[" + host + "]" : host) + ":" + std::to_string(bound) + "/metrics";
    thread_ = std::thread([this] { server_->listen_after_bind(); });
}

metrics_endpoint::~metrics_endpoint() {
    server_->stop();
    thread_.join();
}

bool metrics_endpoint::ask_broker(std::string& text) {
    std::lock_guard lock(asking_mutex_);
    zmx_tools::frames answer;
    if (!zmx_tools::send_frames(asking_.get(), {"metrics"}) || !zmx_tools::receive_frames(asking_.get(), answer) ||
        answer.size() != 1)
        return false;
    text = std::move(answer[0]);
    return true;
}

void metrics_endpoint::watch(poll_set& set) { poll_index_ = set.add_socket(answering_.get(), ZMQ_POLLIN); }

void metrics_endpoint::serve(const poll_set& set, const std::function<std::string()>& text) {
    if (set.ready(poll_index_))
        zmx_tools::answer_waiting(answering_.get(), [&](const zmx_tools::frames&) { return text(); });
}

}  // namespace zmx_broker

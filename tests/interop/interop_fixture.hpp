// What every interop test shares: the transports, a place to bind for each
// test, and meeting the libzmq peer (one side binds, the other connects).
#pragma once

#include "peer_process.hpp"
#include "zmq_test.hpp"

#include <dlfcn.h>
#include <stdlib.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

namespace interop {

enum class transport {
    tcp,           // loopback, a port the system picks
    ipc,           // a socket file in a directory of the test's own
    ipc_abstract,  // ipc://@name, Linux's abstract namespace: no file
    ipc_wildcard,  // ipc://*: the binder picks a path and reports it
    ws,            // ws:// on loopback with a path, a port the system picks
};

inline const char* transport_name(transport t) {
    switch (t) {
    case transport::tcp: return "Tcp";
    case transport::ipc: return "Ipc";
    case transport::ipc_abstract: return "IpcAbstract";
    case transport::ipc_wildcard: return "IpcWildcard";
    case transport::ws: return "Ws";
    }
    return "?";
}

// Checks that this process runs on zmx's library, not on a libzmq that
// happened to come first in the search path.
inline void expect_zmx_library() {
    Dl_info where{};
    ASSERT_NE(dladdr(reinterpret_cast<void*>(&zmq_version), &where), 0);
    ASSERT_NE(std::string(where.dli_fname).find(ZMX_LIBRARY_DIR), std::string::npos)
        << "this test must run on zmx, not " << where.dli_fname;
}

// Where one test's binder binds. ipc gets a fresh directory, removed with
// everything in it when the test ends.
class endpoint_place {
public:
    explicit endpoint_place(transport t) : transport_(t) {
        static std::atomic<int> abstract_names{0};
        if (t == transport::ipc || t == transport::ipc_wildcard) {
            std::string pattern = (std::filesystem::temp_directory_path() / "zmx-interop-XXXXXX").string();
            if (mkdtemp(pattern.data()) != nullptr)
                dir_ = pattern;
            else
                ADD_FAILURE() << "mkdtemp failed";
        }
        switch (t) {
        case transport::tcp: address_ = "tcp://127.0.0.1:*"; break;
        case transport::ipc: address_ = "ipc://" + dir_ + "/socket"; break;
        case transport::ipc_abstract:
            address_ = "ipc://@zmx-interop-" + std::to_string(getpid()) + "-" + std::to_string(abstract_names++);
            break;
        case transport::ipc_wildcard: address_ = "ipc://*"; break;
        case transport::ws: address_ = "ws://127.0.0.1:*/zmx"; break;
        }
    }

    ~endpoint_place() {
        if (!dir_.empty()) {
            std::error_code ignored;
            std::filesystem::remove_all(dir_, ignored);
        }
    }

    endpoint_place(const endpoint_place&) = delete;
    endpoint_place& operator=(const endpoint_place&) = delete;

    transport kind() const { return transport_; }

    const std::string& bind_address() const { return address_; }

    // The peer's own settings: an ipc://* bind on libzmq's side lands in our
    // directory, not loose in /tmp.
    std::vector<std::string> peer_env() const {
        if (transport_ == transport::ipc_wildcard)
            return {"TMPDIR=" + dir_};
        return {};
    }

    const std::string& directory() const { return dir_; }

private:
    transport transport_;
    std::string dir_;
    std::string address_;
};

inline std::string last_endpoint(void* s) {
    char endpoint[1024];
    size_t size = sizeof endpoint;
    EXPECT_EQ(zmq_getsockopt(s, ZMQ_LAST_ENDPOINT, endpoint, &size), 0) << zmq_strerror(zmq_errno());
    return endpoint;
}

// Starts the libzmq peer (role, socket type, then OPTION=VALUE settings,
// see libzmq_peer.py) and binds or connects `s` to meet it. Returns the peer
// once both sides are in place, or nullptr after recording a failure.
// met_at, if given, receives the endpoint the binder reported.
inline std::unique_ptr<peer_process> meet(void* s, const endpoint_place& place, bool zmx_binds,
                                          const std::string& role, const std::string& peer_type,
                                          const std::vector<std::string>& options = {},
                                          std::string* met_at = nullptr) {
    std::vector<std::string> args{role, peer_type};
    if (zmx_binds) {
        const std::string address = place.bind_address();
        if (zmq_bind(s, address.c_str()) != 0) {
            ADD_FAILURE() << "zmx bind " << address << ": " << zmq_strerror(zmq_errno());
            return nullptr;
        }
        const std::string bound = last_endpoint(s);
        if (met_at)
            *met_at = bound;
        args.insert(args.end(), {"connect", bound});
    } else {
        args.insert(args.end(), {"bind", place.bind_address()});
    }
    args.insert(args.end(), options.begin(), options.end());
    auto peer = std::make_unique<peer_process>(args, place.peer_env());
    const std::string hello = peer->line();
    if (hello.rfind("PEER ", 0) != 0) {
        ADD_FAILURE() << "the peer did not start: " << hello;
        return nullptr;
    }
    if (!zmx_binds) {
        const std::string address = hello.substr(5);
        if (met_at)
            *met_at = address;
        if (zmq_connect(s, address.c_str()) != 0) {
            ADD_FAILURE() << "zmx connect " << address << ": " << zmq_strerror(zmq_errno());
            return nullptr;
        }
    }
    return peer;
}

}  // namespace interop

// Everything a zmx-cat run was asked to do, once the command line is read.
#pragma once

#include "socket_security.hpp"

#include <optional>
#include <string>
#include <vector>

namespace zmx_cat {

// What the run does with its socket.
enum class role {
    send,     // send messages (command line or stdin), print nothing
    receive,  // print the messages that arrive
    request,  // REQ: send each message, print its reply
    reply,    // REP: print each request, answer it (one, unless --count)
};

enum class format { text, hex, z85, json };

// The TLS of wss:// endpoints: PEM texts read from the --wss-* files
// (empty when not given, and then not set on the socket).
struct wss_tls {
    std::string cert_pem;   // a bind's certificate
    std::string key_pem;    // and its key
    std::string trust_pem;  // the authorities a connect trusts
    std::string hostname;   // the name a connect checks in the certificate
    bool trust_system = false;
};

struct cat_options {
    std::string type_name;
    int socket_type = 0;
    zmx_cat::role role = role::receive;
    std::vector<std::string> binds;
    std::vector<std::string> connects;
    zmx_cat::format format = format::text;
    std::string delimiter = "\t";
    // Messages to send (to receive for receive and reply); none = no limit.
    std::optional<long> count;
    // Longest wait for one message to go or come, in ms; -1 waits forever.
    int timeout_ms = -1;
    int linger_ms = 1000;
    std::vector<std::string> subscriptions;
    bool await_subscription = false;
    // NULL unless a --plain or --curve option says otherwise.
    zmx_tools::security_settings security;
    // The MESSAGE arguments, still in the chosen format.
    std::vector<std::string> messages;
    wss_tls wss;
};

}  // namespace zmx_cat

#include "cat_command_line.hpp"

#include "cat_security.hpp"
#include "command_line.hpp"
#include "file_text.hpp"
#include "socket_kinds.hpp"

#include <zmq.h>

#include <climits>
#include <map>

namespace zmx_cat {

namespace {

const char* const description =
    "Sends or receives ZeroMQ messages from the shell, one message per line.\n"
    "TYPE is the socket type: push pull pub sub req rep pair dealer router xpub\n"
    "xsub stream. push, pub and req send; pull, sub and rep receive; the others\n"
    "send when MESSAGE arguments or --send are given and receive otherwise.\n"
    "Messages to send come from the MESSAGE arguments or else from stdin.";

const char* const footer =
    "Frames of a multipart message are separated by the delimiter (a TAB unless\n"
    "-d says otherwise); in json each message is an array of frames, a frame a\n"
    "string or {\"hex\": \"...\"} when it is not UTF-8.\n"
    "req sends each message and prints its reply; rep prints one request and\n"
    "answers it with MESSAGE (or an echo of the request), --count for more.\n"
    "Exit status: 0 done, 1 --timeout passed, 2 usage or unreadable input,\n"
    "3 the library refused (bind, connect) or a frame cannot be shown.\n"
    "Examples:\n"
    "  zmx-cat pull -b tcp://*:5557 -n 10\n"
    "  echo hello | zmx-cat push -c tcp://localhost:5557\n"
    "  zmx-cat req -c tcp://localhost:5580 stats -t 2000\n"
    "  zmx-cat sub -c tcp://localhost:5556 -s weather -d '|'\n"
    "  zmx-cat pull -b tcp://*:5557 --curve-server --curve-keys server.key_secret --curve-allow clients/\n"
    "  zmx-cat push -c tcp://localhost:5557 --curve-serverkey KEY --curve-keys client.key_secret hi\n"
    "  zmx-cat rep -b wss://*:5555/zmx --wss-cert server.pem --wss-key server.key\n"
    "  zmx-cat req -c wss://localhost:5555/zmx --wss-trust ca.pem hello";

format format_named(const std::string& name) {
    const std::map<std::string, format> formats{
        {"text", format::text}, {"hex", format::hex}, {"z85", format::z85}, {"json", format::json}};
    return formats.at(name);
}

role role_of(const socket_kind& kind, bool send_flag, bool receive_flag, const cat_options& options) {
    switch (kind.use) {
    case socket_kind::sends: return role::send;
    case socket_kind::receives: return role::receive;
    case socket_kind::requests: return role::request;
    case socket_kind::replies: return role::reply;
    case socket_kind::either: break;
    }
    if (receive_flag)
        return role::receive;
    return send_flag || !options.messages.empty() ? role::send : role::receive;
}

// The choices CLI11 cannot check one option at a time.
void check_combination(const socket_kind& kind, bool send_flag, bool receive_flag, bool delimiter_given,
                       const cat_options& options) {
    const auto refuse = [](const std::string& why) { throw CLI::ValidationError(why); };
    if (options.binds.empty() && options.connects.empty())
        refuse("give at least one --bind or --connect endpoint");
    if ((send_flag && kind.use != socket_kind::either && kind.use != socket_kind::sends) ||
        (receive_flag && kind.use != socket_kind::either && kind.use != socket_kind::receives))
        refuse(std::string("--send and --recv do not apply to ") + kind.name);
    if (options.role == role::receive && !options.messages.empty())
        refuse(kind.use == socket_kind::receives ? std::string(kind.name) + " only receives: MESSAGE is for sending"
                                                 : std::string("--recv takes no MESSAGE to send"));
    if (!options.subscriptions.empty() && kind.type != ZMQ_SUB && kind.type != ZMQ_XSUB)
        refuse("--subscribe is for sub and xsub");
    if (options.await_subscription && (kind.type != ZMQ_XPUB || options.role != role::send))
        refuse("--await-subscription is for an xpub that sends");
    if (delimiter_given && options.format == format::json)
        refuse("--delimiter does not apply to json, whose messages are arrays");
    if (options.delimiter.empty())
        refuse("--delimiter cannot be empty");
}

// The paths the --wss-* flags name, read into options once parsed.
struct wss_files {
    std::string cert, key, trust;
};

void add_wss_options(CLI::App& app, wss_files& files, wss_tls& tls) {
    app.add_option("--wss-cert", files.cert, "wss bind: the server's certificate (PEM)")
        ->check(CLI::ExistingFile)
        ->type_name("FILE");
    app.add_option("--wss-key", files.key, "wss bind: the certificate's private key (PEM)")
        ->check(CLI::ExistingFile)
        ->type_name("FILE");
    app.add_option("--wss-trust", files.trust, "wss connect: the authorities to trust (PEM)")
        ->check(CLI::ExistingFile)
        ->type_name("FILE");
    app.add_flag("--wss-trust-system", tls.trust_system, "wss connect: trust the system's authorities too");
    app.add_option("--wss-hostname", tls.hostname, "wss connect: the name the server's certificate must carry")
        ->type_name("NAME");
}

std::string pem_text(const std::string& path) {
    if (path.empty())
        return {};
    const auto text = zmx_tools::read_file_text(path);
    if (!text)
        throw CLI::ValidationError("cannot read " + path);
    return *text;
}

}  // namespace

std::optional<int> read_command_line(int argc, char** argv, cat_options& options) {
    CLI::App app{description, "zmx-cat"};
    app.footer(footer);
    std::vector<std::string> type_names;
    for (const auto& kind : socket_kinds())
        type_names.push_back(kind.name);
    app.add_option("TYPE", options.type_name, "socket type")
        ->required()
        ->transform(CLI::IsMember(type_names, CLI::ignore_case));
    app.add_option("MESSAGE", options.messages, "messages to send (rep: replies), in the chosen format");
    app.add_option("-b,--bind", options.binds, "bind to ENDPOINT (repeat for more)")
        ->allow_extra_args(false)
        ->type_name("ENDPOINT");
    app.add_option("-c,--connect", options.connects, "connect to ENDPOINT (repeat for more)")
        ->allow_extra_args(false)
        ->type_name("ENDPOINT");
    std::string format_name = "text";
    app.add_option("-f,--format", format_name, "text, hex, z85 or json (json lines), in and out")
        ->check(CLI::IsMember({"text", "hex", "z85", "json"}))
        ->capture_default_str();
    const CLI::Option* delimiter =
        app.add_option("-d,--delimiter", options.delimiter, "separates the frames of a message (default TAB)");
    app.add_option("-n,--count", options.count, "stop after N messages (rep: N requests; default 1)")
        ->check(CLI::PositiveNumber)
        ->type_name("N");
    app.add_option("-t,--timeout", options.timeout_ms, "give up (exit 1) when a message takes longer than MS")
        ->check(CLI::NonNegativeNumber)
        ->type_name("MS");
    app.add_option("--linger", options.linger_ms, "ms that unsent messages may delay the exit (-1: no limit)")
        ->check(CLI::Range(-1, INT_MAX))
        ->type_name("MS")
        ->capture_default_str();
    app.add_option("-s,--subscribe", options.subscriptions, "sub/xsub: receive messages starting with PREFIX")
        ->allow_extra_args(false)
        ->type_name("PREFIX");
    app.add_flag("--await-subscription", options.await_subscription,
                 "xpub: send only once a subscriber has subscribed (within --timeout)");
    bool send_flag = false;
    bool receive_flag = false;
    CLI::Option* send = app.add_flag("--send", send_flag, "send stdin (types that can do both)");
    app.add_flag("--recv", receive_flag, "receive (types that can do both)")->excludes(send);
    security_choices security;
    add_security_options(app, security);
    wss_files files;
    add_wss_options(app, files, options.wss);

    app.callback([&] {
        const socket_kind& kind = *find_socket_kind(options.type_name);
        options.socket_type = kind.type;
        options.format = format_named(format_name);
        options.role = role_of(kind, send_flag, receive_flag, options);
        check_combination(kind, send_flag, receive_flag, delimiter->count() > 0, options);
        options.security = security_from(security);
        options.wss.cert_pem = pem_text(files.cert);
        options.wss.key_pem = pem_text(files.key);
        options.wss.trust_pem = pem_text(files.trust);
    });
    return zmx_tools::parse_command_line(app, argc, argv);
}

}  // namespace zmx_cat

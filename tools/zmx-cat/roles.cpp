#include "roles.hpp"

#include "exit_codes.hpp"
#include "message_io.hpp"
#include "message_source.hpp"

#include <zmq.h>

namespace zmx_cat {

namespace {

// An XPUB learns of subscribers from their subscriptions (a message whose
// first byte is 1): the way to publish without losing the first messages
// to a subscriber still connecting.
void await_subscription(void* socket, const cat_options& options) {
    for (;;) {
        const zmx_tools::frames message = receive_message(socket, options);
        if (!message.empty() && !message[0].empty() && message[0][0] == 1)
            return;
    }
}

void send_all(void* socket, const cat_options& options) {
    if (options.await_subscription)
        await_subscription(socket, options);
    message_source source(options);
    while (const auto message = source.next())
        send_message(socket, *message, options);
}

void receive_all(void* socket, const cat_options& options) {
    const message_format format{options.format, options.delimiter};
    for (long received = 0; !options.count || received < *options.count; ++received)
        print_message(receive_message(socket, options), format);
}

void request_each(void* socket, const cat_options& options) {
    const message_format format{options.format, options.delimiter};
    message_source source(options);
    while (const auto request = source.next()) {
        send_message(socket, *request, options);
        print_message(receive_message(socket, options), format);
    }
}

// One request unless --count says more; the MESSAGE arguments answer in
// turn, or each request is echoed.
void reply_to_each(void* socket, const cat_options& options) {
    const message_format format{options.format, options.delimiter};
    const std::vector<zmx_tools::frames> replies = parse_arguments(options);
    const long count = options.count.value_or(1);
    for (long answered = 0; answered < count; ++answered) {
        const zmx_tools::frames request = receive_message(socket, options);
        print_message(request, format);
        send_message(socket, replies.empty() ? request : replies[answered % replies.size()], options);
    }
}

}  // namespace

void run_role(void* socket, const cat_options& options) {
    switch (options.role) {
    case role::send: return send_all(socket, options);
    case role::receive: return receive_all(socket, options);
    case role::request: return request_each(socket, options);
    case role::reply: return reply_to_each(socket, options);
    }
}

}  // namespace zmx_cat

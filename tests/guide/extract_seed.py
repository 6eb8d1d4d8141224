"""Takes the complete C programs out of the guide's text (the seed,
../shared/seeds/004-zguide-intermediate.txt) and makes every network
endpoint in them loopback.

A program is a [[code type="c" ... name="..."]] block with a main(). The
seed's programs name hosts on private networks (the weather proxy's two
sides): each tcp or pgm endpoint whose host is not loopback gets
127.0.0.1 instead, wildcard binds (*) included. Nothing else in a program
is changed. After the rewrite no literal may name another host, or the
extraction fails: such a program must never run.
"""

import re

CODE_BLOCK = re.compile(r'\[\[code type="c"([^\]]*)\]\]\n(.*?)\[\[/code\]\]', re.DOTALL)
PROGRAM_NAME = re.compile(r'name="(\w+)"')
HAS_MAIN = re.compile(r"\bint\s+main\s*\(")
ENDPOINT = re.compile(r'"((?:tcp|e?pgm|udp)://)([^":]*)(:[^"]*)"')
ANY_ENDPOINT = re.compile(r'"(\w+)://([^"]*)"')
LOOPBACK_HOSTS = {"localhost", "127.0.0.1"}
LOCAL_TRANSPORTS = {"ipc", "inproc"}


def _to_loopback(match, rewrites):
    scheme, host, rest = match.groups()
    if host in LOOPBACK_HOSTS:
        return match.group(0)
    rewritten = f'"{scheme}127.0.0.1{rest}"'
    rewrites.append((match.group(0), rewritten))
    return rewritten


def _check_all_loopback(name, source):
    for scheme, address in ANY_ENDPOINT.findall(source):
        host = address.split(":")[0]
        if scheme not in LOCAL_TRANSPORTS and host not in LOOPBACK_HOSTS:
            raise ValueError(f"{name}: endpoint {scheme}://{address} is not loopback")


def extract_programs(seed_text):
    """Returns {name: source} of the complete programs, loopback only, and
    the list of (program, old endpoint, new endpoint) rewrites."""
    programs, rewrites = {}, []
    for attributes, body in CODE_BLOCK.findall(seed_text):
        name = PROGRAM_NAME.search(attributes)
        if not name or not HAS_MAIN.search(body):
            continue
        changed = []
        source = ENDPOINT.sub(lambda match: _to_loopback(match, changed), body)
        _check_all_loopback(name.group(1), source)
        programs[name.group(1)] = source
        rewrites += [(name.group(1), old, new) for old, new in changed]
    return programs, rewrites

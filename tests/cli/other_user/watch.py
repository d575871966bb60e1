"""Another local user, watching a shared directory with inotify while guazhi works in it: every
file that appears (or is renamed in) is opened for reading at once, and each open that
succeeds is reported. Runs until STOP exists; prints one line per file opened, then a count
of the files seen.  Usage: watch.py DIR STOP"""
import ctypes, errno, os, struct, sys, time

IN_CREATE, IN_MOVED_TO, IN_CLOSE_WRITE, IN_NONBLOCK = 0x100, 0x80, 0x8, 0o4000
directory, stop = sys.argv[1], sys.argv[2]
libc = ctypes.CDLL(None, use_errno=True)
fd = libc.inotify_init1(IN_NONBLOCK)
if fd < 0 or libc.inotify_add_watch(fd, directory.encode(), IN_CREATE | IN_MOVED_TO | IN_CLOSE_WRITE) < 0:
    sys.exit("inotify: " + os.strerror(ctypes.get_errno()))
seen, opened = set(), []

def try_open(name):
    seen.add(name)
    try:
        f = os.open(os.path.join(directory, name), os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
    except OSError as e:
        if e.errno not in (errno.EACCES, errno.ENOENT, errno.EPERM, errno.ELOOP):
            opened.append(f"{name}: {e}")
        return
    os.close(f)
    opened.append(name)

while not os.path.exists(stop):
    try:
        data = os.read(fd, 65536)
    except BlockingIOError:
        # Also a sweep of the directory, for anything the event queue could have missed.
        for name in os.listdir(directory):
            if name not in seen:
                try_open(name)
        time.sleep(0.001)
        continue
    at = 0
    while at < len(data):
        _, mask, _, length = struct.unpack_from("iIII", data, at)
        name = data[at + 16 : at + 16 + length].rstrip(b"\0").decode("utf-8", "replace")
        at += 16 + length
        if name:
            try_open(name)
for name in sorted(set(opened)):
    print("opened:", name)
print("seen:", len(seen))

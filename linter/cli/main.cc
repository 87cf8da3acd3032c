#include <malloc.h>
#include <stdlib.h>

#include "cli/commands.h"

int main(int argc, char** argv) {
  // Blocks of 1 MiB and more (a large draft's text, its findings, a rule's tables) are
  // mapped on their own and given back when freed. glibc would otherwise raise this bound to
  // the largest block freed so far and keep later ones in its heap, where a vector that grew
  // leaves its old blocks unreturned: 185 MB rather than 199 MB peak on 100 MB of text.
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
  // Free memory at the top of a heap is kept up to 8 MiB rather than 128 KiB. Each file of a
  // batch allocates and frees its working set (a DOCX's parts, its XML tree, its document);
  // with the default every file gave it back to the kernel and faulted it in again: 37,700
  // page faults on 1,000 DOCX drafts of 3 KB (sys 0.18 s of 1.25 s of CPU), 1,500 now.
  // The peak is what it was: this keeps pages already touched, it takes no new ones.
  mallopt(M_TRIM_THRESHOLD, 8 << 20);
  // libzip turns every entry's DOS time into a time_t with mktime when it opens an archive
  // (about 20 a DOCX). With TZ unset, glibc's mktime stats /etc/localtime on each call, under
  // the process-wide time zone lock: 20,000 stats on 1,000 DOCX, and with --jobs 2 the
  // workers queued on that lock (strace -f: 21,000 futex calls, 46 with TZ set). Naming the
  // same file glibc would read (the default zone) loads it once; a TZ already set is kept.
  setenv("TZ", ":/etc/localtime", 0);
  return wenfeng::cli::run(argc, argv);
}

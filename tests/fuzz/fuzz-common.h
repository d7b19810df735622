/* fuzz-common.h — shared by the fuzz targets: GLib messages that must end the run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A failed check or a critical aborts: libFuzzer keeps the input of an abort(), not of
 * the SIGTRAP that GLib raises for a fatal message. Debug and info messages are dropped
 * as GLib's own writer drops them (unless G_MESSAGES_DEBUG asks for them): printing one
 * per damaged manifest cost the wim target a write to the log for every run.
 */
#pragma once

#include <glib.h>
#include <stdlib.h>
#include <string.h>

static GLogWriterOutput
fuzz_abort_on_fatal (GLogLevelFlags   level,
                     const GLogField *fields,
                     gsize            n_fields,
                     gpointer         user_data)
{
  const char *domain = NULL;

  for (gsize i = 0; i < n_fields; i++)
    if (strcmp (fields[i].key, "GLIB_DOMAIN") == 0)
      domain = fields[i].value;
  if (g_log_writer_default_would_drop (level, domain))
    return G_LOG_WRITER_HANDLED;
  g_log_writer_standard_streams (level, fields, n_fields, user_data);
  if (level & (G_LOG_FLAG_FATAL | G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return G_LOG_WRITER_HANDLED;
}

static inline void
fuzz_init_logging (void)
{
  g_log_set_writer_func (fuzz_abort_on_fatal, NULL, NULL);
}

/* a failure must say why: an error with words, or the run ends with an abort libFuzzer keeps */
static inline void
fuzz_check_error (const GError *error)
{
  if (error == NULL || error->message == NULL || error->message[0] == '\0')
    abort ();
}

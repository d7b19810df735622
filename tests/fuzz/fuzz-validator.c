/* fuzz-validator.c — libFuzzer target: the validator on any document that loads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * fuzz-corpus: tests/fuzz/seeds-answer tests/data/answer
 *
 * Against the default catalog: every message has words and a position inside the file,
 * and a second run over the same document gives the same messages.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/answer-doc.h"
#include "core/message.h"
#include "core/validator.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static UeValidator *validator;

static GLogWriterOutput
abort_on_fatal (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  g_log_writer_standard_streams (level, fields, n_fields, user_data);
  if (level & (G_LOG_FLAG_FATAL | G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return G_LOG_WRITER_HANDLED;
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_log_set_writer_func (abort_on_fatal, NULL, NULL);
  validator = ue_validator_new (NULL);
  return 0;
}

static char *
describe (GListModel *messages)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(UeMessage) m = g_list_model_get_item (messages, i);
      g_string_append_printf (out, "%u:%u:%d:%s\n", ue_message_get_line (m), ue_message_get_column (m),
                              ue_message_get_severity (m), ue_message_get_text (m));
    }
  return g_string_free (out, FALSE);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(UeAnswerDoc) doc = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  GListModel *messages;
  guint lines = 1, errors;

  if (size > 64 * 1024)
    return -1;
  doc = ue_answer_doc_new_from_data ((const char *) data, size, "fuzz.xml", NULL);
  if (doc == NULL)
    return 0;
  for (gsize i = 0; i < size; i++)
    lines += data[i] == '\n';

  errors = ue_validator_run (validator, doc);
  messages = ue_validator_get_messages (validator);
  if (errors != ue_validator_get_n_errors (validator))
    abort ();
  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(UeMessage) m = g_list_model_get_item (messages, i);
      const char *text = ue_message_get_text (m);
      /* UTF-16 files have more lines than their bytes have '\n' bytes */
      if (text == NULL || text[0] == '\0' || ue_message_get_line (m) == 0 ||
          (ue_message_get_line (m) > lines && data[0] != 0xFF && data[0] != 0xFE))
        {
          g_printerr ("bad message %u:%u “%s” (%u lines)\n", ue_message_get_line (m),
                      ue_message_get_column (m), text ? text : "(null)", lines);
          abort ();
        }
    }
  first = describe (messages);
  ue_validator_run (validator, doc);
  second = describe (ue_validator_get_messages (validator));
  if (strcmp (first, second) != 0)
    {
      g_printerr ("two runs differ:\n%s\n---\n%s\n", first, second);
      abort ();
    }
  ue_validator_clear (validator);
  return 0;
}

/* doc-test-util.c — answer files in memory for the core tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "doc-test-util.h"

UeAnswerDoc *
ue_test_doc_load_named (const char *text,
                        const char *name)
{
  g_autoptr(GError) error = NULL;
  UeAnswerDoc *doc = ue_answer_doc_new_from_data (text, strlen (text), name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

UeAnswerDoc *
ue_test_doc_load (const char *text)
{
  return ue_test_doc_load_named (text, "test.xml");
}

char *
ue_test_doc_dump (UeAnswerDoc *doc)
{
  g_autoptr(GBytes) bytes = ue_answer_doc_to_bytes (doc);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

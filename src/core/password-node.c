/* password-node.c — reading and writing a <X><Value/><PlainText/></X> password setting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ue-core"

#include <glib/gi18n.h>

#include "password-node.h"
#include "secret.h"

char *
ue_password_node_dup (UeAnswerDoc *doc,
                      UeNode      *container)
{
  UeNode *value, *plain;
  g_autofree char *text = NULL;
  g_autofree char *plain_text = NULL;

  g_return_val_if_fail (UE_IS_ANSWER_DOC (doc), NULL);
  g_return_val_if_fail (container != NULL, NULL);

  value = ue_answer_doc_find_child (doc, container, "Value");
  plain = ue_answer_doc_find_child (doc, container, "PlainText");
  text = value ? ue_node_dup_text (value) : NULL;
  if (text == NULL)
    return NULL;
  plain_text = plain ? ue_node_dup_text (plain) : NULL;
  /* PlainText absent means plain text, as Windows Setup reads it */
  if (plain_text == NULL || g_ascii_strcasecmp (g_strstrip (plain_text), "false") != 0)
    return g_steal_pointer (&text);
  return ue_secret_decode (ue_node_get_name (container), g_strstrip (text), NULL);
}

void
ue_password_node_set (UeAnswerDoc *doc,
                      UeNode      *container,
                      const char  *password)
{
  g_return_if_fail (UE_IS_ANSWER_DOC (doc));
  g_return_if_fail (container != NULL && password != NULL);

  ue_answer_doc_begin_group (doc, _("Set Password"));
  ue_answer_doc_set_text (doc, ue_answer_doc_ensure_child (doc, container, "Value"), password);
  ue_answer_doc_set_text (doc, ue_answer_doc_ensure_child (doc, container, "PlainText"), "true");
  ue_answer_doc_end_group (doc);
}

"""The questionnaire as data, the condition language and the interview; no Qt here."""

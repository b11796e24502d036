"""Exam booking screens: the booking wizards, cancellation, fee payment and the certificate."""

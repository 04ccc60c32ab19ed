"""Units a coach reads: pounds, and loads as multiples of body weight."""
from .constants import GRAVITY

KG_PER_LB = 0.45359237  # exact, international pound (1959 agreement) [V]


def kg_to_lb(kg):
    """Mass in pounds from kilograms."""
    return kg / KG_PER_LB


def lb_to_kg(lb):
    """Mass in kilograms from pounds."""
    return lb * KG_PER_LB


def body_weights(force, body_mass):
    """A force (N) as a multiple of body weight (body_mass in kg)."""
    return force / (body_mass * GRAVITY)

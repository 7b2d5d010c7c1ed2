// Package model is the input of samarbeid: the types of an agreement, the
// strict YAML decoder that keeps the position of every value, and the
// validation that reports every problem at once in Norwegian.
package model

"""finish"""
